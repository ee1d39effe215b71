import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../context";
import { withSystem, type Tx } from "../db/with-user";
import { contactCandidates, prefixTsQuery } from "./text-query";

/** Must match the expression of interactions_body_fts_idx exactly, or the index is not used. */
export const INTERACTION_BODY_TSV = sql`to_tsvector('simple', left(coalesce(body, ''), 20000))`;

export type Candidates = { contact: string[]; note: string[]; interaction: string[] };

/**
 * Finds candidate ids with index scans. Why not under withUser: with row-level security
 * Postgres may only use an index for LEAKPROOF operators, and ILIKE, pg_trgm's <% and
 * full-text @@ are not — under the omnicrm_app policy every search became a sequential scan
 * (seconds over 500k interactions). So this one step runs as omnicrm_system with an explicit
 * user_id filter in every arm, returns ids only, and the caller reads and ranks the rows in
 * its own withUser transaction, where RLS filters them again. omnicrm_system itself holds
 * BYPASSRLS where it could be granted (migration 0006): as a mere policy user it hit the
 * same restriction for pg_trgm's `<%` (fuzzy names: 200 ms scans at 20k contacts).
 */
export async function candidateIds(
  ctx: Ctx,
  q: string,
  opts: { types: Set<keyof Candidates>; limit: number },
): Promise<Candidates> {
  const query = candidateQuery(ctx.userId, q, opts);
  if (!query) return emptyCandidates();
  return withSystem(ctx.db, (tx) => readCandidates(tx, query), { settings: SEARCH_SETTINGS });
}

/** Lower than pg_trgm's 0.6 default so one-letter typos in short names still match. */
export const SEARCH_SETTINGS = [["pg_trgm.word_similarity_threshold", "0.5"]] as const;

const emptyCandidates = (): Candidates => ({ contact: [], note: [], interaction: [] });

/** The candidate statement (run it as omnicrm_system with SEARCH_SETTINGS); null when no arm applies. */
export function candidateQuery(
  u: string,
  q: string,
  opts: { types: Set<keyof Candidates>; limit: number },
): SQL | null {
  const ts = prefixTsQuery(q.toLowerCase());
  const parts: SQL[] = [];
  if (opts.types.has("contact"))
    parts.push(sql`(SELECT 'contact' AS t, id FROM (${contactCandidates(u, q, opts.limit)}) c)`);
  if (ts && opts.types.has("note"))
    parts.push(sql`(SELECT 'note' AS t, id FROM notes WHERE user_id = ${u}
      AND to_tsvector('simple', body) @@ to_tsquery('simple', ${ts}) LIMIT ${opts.limit})`);
  if (ts && opts.types.has("interaction")) {
    parts.push(sql`(SELECT 'interaction' AS t, id FROM interactions WHERE user_id = ${u}
      AND to_tsvector('simple', coalesce(subject, '')) @@ to_tsquery('simple', ${ts}) LIMIT ${opts.limit})`);
    // Bodies (email text, session notes) have their own index (migration 0018): the first
    // 20,000 characters, so one huge email cannot make the index or a match expensive.
    parts.push(sql`(SELECT 'interaction' AS t, id FROM interactions WHERE user_id = ${u}
      AND ${INTERACTION_BODY_TSV} @@ to_tsquery('simple', ${ts}) LIMIT ${opts.limit})`);
  }
  // Every arm names its column `t`: whichever arm comes first names the UNION's columns.
  return parts.length ? sql.join(parts, sql` UNION ALL `) : null;
}

/** Runs a candidate statement on a system transaction and groups the ids by type. */
export async function readCandidates(tx: Tx, query: SQL | null): Promise<Candidates> {
  const out = emptyCandidates();
  if (!query) return out;
  const r = await tx.execute<{ t: keyof Candidates; id: string }>(query);
  for (const row of r.rows) if (!out[row.t].includes(row.id)) out[row.t].push(row.id);
  return out;
}

/** Contact ids matching `q` (name/email/phone), at most `limit`, for list/export filters. */
export async function matchingContactIds(ctx: Ctx, q: string, limit = 5000): Promise<string[]> {
  return (await candidateIds(ctx, q, { types: new Set(["contact"]), limit })).contact;
}
