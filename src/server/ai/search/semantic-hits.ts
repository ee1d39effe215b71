import { embed } from "ai";
import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { withUser } from "../../db/with-user";
import { toVectorLiteral } from "../embeddings/vector";
import { withGuardrails } from "../with-guardrails";
import type { SearchHit } from "./types";

/** Embeds the query (a guarded, credit-free call) for semantic search. */
export async function embedQuery(ctx: Ctx, q: string): Promise<number[]> {
  const { value } = await withGuardrails(
    ctx,
    { operation: "search", credits: 0, perMinute: false, kind: "embedding" },
    async (ai, signal) => {
      const r = await embed({
        model: ai.embedding,
        value: q,
        abortSignal: signal,
        maxRetries: 1,
        providerOptions: { openai: { dimensions: ai.dims } },
      });
      return { value: r.embedding, usage: { inputTokens: r.usage.tokens } };
    },
  );
  return value;
}

type Row = {
  type: SearchHit["type"];
  id: string;
  contact_id: string;
  title: string;
  snippet: string;
  contact_name: string;
  at: string | null;
  score: number;
};

/** Nearest owners by cosine distance (best chunk per owner), in the keyword hits' shape. */
export async function semanticHits(ctx: Ctx, vector: number[], limit: number): Promise<SearchHit[]> {
  const vec = toVectorLiteral(vector);
  const r = await withUser(ctx.db, ctx.userId, (tx) =>
    tx.execute<Row>(sql`
      WITH nearest AS (
        SELECT owner_type, owner_id, min(embedding <=> ${vec}::vector) AS dist
        FROM embeddings
        WHERE user_id = ${ctx.userId} AND owner_type IN ('contact', 'interaction', 'note') AND embedding IS NOT NULL
        GROUP BY owner_type, owner_id
        ORDER BY dist ASC LIMIT ${limit * 2}
      ), hydrated AS (
        SELECT n.owner_type AS type, n.owner_id AS id, n.dist,
          CASE n.owner_type WHEN 'contact' THEN n.owner_id WHEN 'note' THEN nt.contact_id
            ELSE (SELECT ic.contact_id FROM interaction_contacts ic WHERE ic.interaction_id = n.owner_id LIMIT 1) END AS contact_id,
          CASE n.owner_type WHEN 'contact' THEN c.display_name WHEN 'note' THEN 'Note'
            ELSE coalesce(i.subject, i.type || ' ' || to_char(i.occurred_at, 'YYYY-MM-DD')) END AS title,
          left(CASE n.owner_type WHEN 'contact' THEN c.stage WHEN 'note' THEN nt.body
            ELSE coalesce(i.summary, i.body, '') END, 160) AS snippet,
          CASE n.owner_type WHEN 'contact' THEN c.last_interaction_at WHEN 'note' THEN nt.created_at ELSE i.occurred_at END AS at
        FROM nearest n
        LEFT JOIN contacts c ON n.owner_type = 'contact' AND c.id = n.owner_id AND c.deleted_at IS NULL
        LEFT JOIN notes nt ON n.owner_type = 'note' AND nt.id = n.owner_id
        LEFT JOIN interactions i ON n.owner_type = 'interaction' AND i.id = n.owner_id
        WHERE coalesce(c.id, nt.id, i.id) IS NOT NULL
      )
      SELECT h.type, h.id, h.contact_id, h.title, h.snippet, h.at::text AS at, pc.display_name AS contact_name,
        (1 - h.dist)::float8 AS score
      FROM hydrated h JOIN contacts pc ON pc.id = h.contact_id AND pc.deleted_at IS NULL
      ORDER BY h.dist ASC LIMIT ${limit}`),
  );
  return r.rows.map((h) => ({
    type: h.type,
    id: h.id,
    contactId: h.contact_id,
    title: h.title,
    snippet: h.snippet,
    score: Math.round(Number(h.score) * 1000) / 1000,
    contactName: h.contact_name,
    at: h.at ? new Date(h.at).toISOString() : null,
  }));
}

export async function hasEmbeddings(ctx: Ctx): Promise<boolean> {
  const r = await withUser(ctx.db, ctx.userId, (tx) =>
    tx.execute<{ any: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM embeddings WHERE user_id = ${ctx.userId}) AS any`,
    ),
  );
  return Boolean(r.rows[0]?.any);
}
