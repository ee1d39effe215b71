import { sql, type SQL } from "drizzle-orm";

/** Words of a user query, stripped to letters/digits/@/. so they are safe inside tsquery syntax. */
export function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}@._+-]/gu, "").replace(/^[._+-]+|(?<![._+-])[._+-]+$/g, ""))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/** Prefix-matching tsquery text: "jo smi" → "'jo':* & 'smi':*" (typed-as-you-go friendly). */
export function prefixTsQuery(q: string): string | null {
  const words = queryWords(q).flatMap((w) => w.split(/[@._+-]+/).filter(Boolean));
  if (!words.length) return null;
  return words.map((w) => `'${w}':*`).join(" & ");
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * Ids of the user's live contacts matching `q` on name/emails/phones: substring (trigram-
 * indexed ILIKE), digits of a phone, prefix full-text (words in any order), or fuzzy word
 * similarity for typos (`<%`, trigram-indexed). Each arm is its own index scan in a UNION:
 * one OR'd WHERE makes the planner fall back to a sequential scan computing to_tsvector and
 * similarity for every contact (seconds at 20k contacts). `perArm` bounds each arm.
 */
/** Fuzzy matches kept per search: nearest first, so these hold the best ones. */
const FUZZY_CAP = 50;

export function contactCandidates(userId: string, q: string, perArm?: number): SQL {
  const needle = q.trim().toLowerCase();
  const digits = needle.replace(/\D/g, "");
  const ts = prefixTsQuery(needle);
  const lim = perArm ? sql`LIMIT ${perArm}` : sql``;
  const arm = (cond: SQL) =>
    sql`(SELECT id FROM contacts WHERE user_id = ${userId} AND deleted_at IS NULL AND ${cond} ${lim})`;
  const arms: SQL[] = [arm(sql`search_text ILIKE ${"%" + escapeLike(needle) + "%"}`)];
  // "+1 (555) 010" should find the phone stored as digits too.
  if (digits.length >= 3 && digits !== needle) arms.push(arm(sql`search_text LIKE ${"%" + digits + "%"}`));
  if (ts && needle.includes(" "))
    arms.push(arm(sql`to_tsvector('simple', search_text) @@ to_tsquery('simple', ${ts})`));
  // Typos: nearest names first (KNN on the GiST index, migration 0010), so a common surname
  // cannot fill the arm with worse matches, and a short best-first list is enough.
  if (needle.length >= 3)
    arms.push(
      perArm
        ? sql`(SELECT id FROM contacts WHERE user_id = ${userId} AND deleted_at IS NULL
            AND ${needle} <% search_text ORDER BY ${needle} <<-> search_text
            LIMIT ${Math.min(perArm, FUZZY_CAP)})`
        : arm(sql`${needle} <% search_text`),
    );
  return sql.join(arms, sql` UNION `);
}

/** Filter form for the list: the row's id is among the candidates (unbounded, index-driven). */
export function contactMatch(userId: string, q: string, alias = "contacts"): SQL {
  return sql`${sql.raw(alias)}.id IN (${contactCandidates(userId, q)})`;
}
