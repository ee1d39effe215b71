import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../context";
import { withSystemThenUser } from "../db/with-user";
import { prefixTsQuery, queryWords } from "./text-query";
import { candidateQuery, readCandidates, SEARCH_SETTINGS } from "./candidate-ids";
import { searchQuery, type SearchHit, type SearchQuery } from "./schemas";

// Each branch ranks at most this many candidates, so a common word over 500k interactions
// never sorts an unbounded match set (typed-as-you-go must stay well under 40 ms).
const CANDIDATES = 300;

type Row = {
  type: SearchHit["type"];
  id: string;
  contact_id: string;
  title: string | null;
  text: string | null;
  score: number;
  contact_name: string;
  at: Date | string | null;
};

/** ±80 characters around the first query word found, for display. */
export function snippetAround(text: string, q: string, width = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const lower = clean.toLowerCase();
  const first =
    queryWords(q)
      .map((w) => lower.indexOf(w))
      .find((p) => p >= 0) ?? 0;
  const start = Math.max(0, first - width / 2);
  return (
    (start > 0 ? "…" : "") + clean.slice(start, start + width) + (start + width < clean.length ? "…" : "")
  );
}

const ids = (xs: string[]) =>
  sql`(${sql.join(
    xs.map((x) => sql`${x}::uuid`),
    sql`, `,
  )})`;

/**
 * Ranked keyword search over contact names/emails/phones (full-text + trigram for typos),
 * note bodies and interaction subjects and bodies (full-text prefix; a subject match ranks
 * above a body match). Candidates come from index scans
 * (see candidate-ids.ts); ranking reads only those rows, under RLS. Reusable by hybrid
 * search. Deleted contacts and their notes/interactions are excluded.
 */
export async function keywordSearch(ctx: Ctx, raw: SearchQuery): Promise<{ hits: SearchHit[] }> {
  const { q, limit, types } = searchQuery.parse(raw);
  const want = new Set(types ?? (["contact", "interaction", "note"] as const));
  const needle = q.toLowerCase();
  const ts = prefixTsQuery(needle);
  const userId = ctx.userId;
  // Candidates (as omnicrm_system, index scans) and ranking (under RLS) in one transaction.
  const rows = await withSystemThenUser(
    ctx,
    (tx) => readCandidates(tx, candidateQuery(userId, q, { types: want, limit: CANDIDATES })),
    async (tx, c): Promise<Row[]> => {
      const branches: SQL[] = [];
      if (c.contact.length)
        branches.push(sql`(SELECT 'contact' AS type, c.id, c.id AS contact_id, c.display_name AS title,
          c.search_text AS text, c.display_name AS contact_name, c.last_interaction_at AS at,
          greatest(word_similarity(${needle}, c.search_text), similarity(${needle}, lower(c.display_name)))
            + CASE WHEN lower(c.display_name) LIKE ${needle.replace(/[\\%_]/g, "\\$&") + "%"} THEN 0.3 ELSE 0 END AS score
        FROM contacts c WHERE c.user_id = ${userId} AND c.deleted_at IS NULL AND c.id IN ${ids(c.contact)}
        ORDER BY score DESC LIMIT ${limit})`);
      if (ts && c.note.length)
        branches.push(sql`(SELECT 'note' AS type, n.id, n.contact_id, c.display_name AS title, left(n.body, 4000) AS text,
          c.display_name AS contact_name, n.created_at AS at,
          0.4 + least(0.6, ts_rank(to_tsvector('simple', n.body), to_tsquery('simple', ${ts})) * 6) AS score
        FROM notes n JOIN contacts c ON c.id = n.contact_id AND c.deleted_at IS NULL
        WHERE n.user_id = ${userId} AND n.id IN ${ids(c.note)}
        ORDER BY score DESC LIMIT ${limit})`);
      if (ts && c.interaction.length)
        branches.push(sql`(SELECT 'interaction' AS type, i.id, l.contact_id, coalesce(i.subject, '') AS title,
          concat_ws(' — ', i.subject, left(i.body, 4000)) AS text, l.display_name AS contact_name, i.occurred_at AS at,
          0.35 + least(0.6, ts_rank(setweight(to_tsvector('simple', coalesce(i.subject, '')), 'A')
            || setweight(to_tsvector('simple', left(coalesce(i.body, ''), 20000)), 'D'), to_tsquery('simple', ${ts})) * 6) AS score
        FROM interactions i
        JOIN LATERAL (SELECT ic.contact_id, c.display_name FROM interaction_contacts ic
            JOIN contacts c ON c.id = ic.contact_id AND c.deleted_at IS NULL
            WHERE ic.interaction_id = i.id AND ic.user_id = ${userId} LIMIT 1) l ON true
        WHERE i.user_id = ${userId} AND i.id IN ${ids(c.interaction)}
        ORDER BY score DESC, i.occurred_at DESC LIMIT ${limit})`);
      if (!branches.length) return [];
      return (
        await tx.execute<Row>(
          sql`SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) h ORDER BY score DESC LIMIT ${limit}`,
        )
      ).rows;
    },
    { settings: SEARCH_SETTINGS },
  );
  return {
    hits: rows.map((x) => ({
      type: x.type,
      id: x.id,
      contactId: x.contact_id,
      title: x.title ?? "",
      // A contact's snippet is its emails/phones (search_text after the lower-cased name).
      snippet:
        x.type === "contact"
          ? (x.text ?? "").slice(x.contact_name.length).trim().split(" ").slice(0, 3).join(" ")
          : snippetAround(x.text ?? "", q),
      score: Math.round(Number(x.score) * 1000) / 1000,
      contactName: x.contact_name,
      at: x.at ? new Date(x.at).toISOString() : null,
    })),
  };
}
