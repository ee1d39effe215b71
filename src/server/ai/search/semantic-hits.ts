import { embed } from "ai";
import { sql, type SQL } from "drizzle-orm";
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

/** The index-answerable part: the `n` nearest chunks of one user, no grouping. */
export function nearestChunksSql(userId: string, vec: string, n: number): SQL {
  return sql`SELECT owner_type, owner_id, embedding <=> ${vec}::vector AS dist
    FROM embeddings
    WHERE user_id = ${userId} AND owner_type IN ('contact', 'interaction', 'note') AND embedding IS NOT NULL
    ORDER BY embedding <=> ${vec}::vector LIMIT ${n}`;
}

/** Chunks read per wanted owner: long emails have several, and owners are deduplicated after. */
const CHUNKS_PER_OWNER = 4;

/**
 * Nearest owners by cosine distance (best chunk per owner), in the keyword hits' shape.
 * Index-friendly: the inner query is a plain `ORDER BY embedding <=> q LIMIT n` that the
 * HNSW index answers (grouping first would make Postgres compute every distance and sort);
 * owners are deduplicated and hydrated outside it. It runs under RLS: the explicit user_id
 * turns the policy into a one-time filter, so the index stays usable (checked with EXPLAIN).
 * With pgvector ≥ 0.8 an iterative scan keeps going past other users' rows until enough of
 * this user's chunks are found (the final order is re-sorted exactly outside anyway).
 */
export async function semanticHits(ctx: Ctx, vector: number[], limit: number): Promise<SearchHit[]> {
  const vec = toVectorLiteral(vector);
  const chunks = Math.min(1000, limit * 2 * CHUNKS_PER_OWNER);
  const r = await withUser(ctx, async (tx) => {
    await tx.execute(sql`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true),
        set_config('hnsw.ef_search', ${String(Math.max(40, chunks))}, true)
      FROM pg_settings WHERE name = 'hnsw.iterative_scan'`);
    return tx.execute<Row>(sql`
      WITH near_chunks AS (${nearestChunksSql(ctx.userId, vec, chunks)}), nearest AS (
        SELECT owner_type, owner_id, min(dist) AS dist FROM near_chunks
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
      ORDER BY h.dist ASC LIMIT ${limit}`);
  });
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
  const r = await withUser(ctx, (tx) =>
    tx.execute<{ any: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM embeddings WHERE user_id = ${ctx.userId}) AS any`,
    ),
  );
  return Boolean(r.rows[0]?.any);
}
