import { sql, type SQL } from "drizzle-orm";

/** Words of a user query, stripped to letters/digits/@/. so they are safe inside tsquery syntax. */
export function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}@._+-]/gu, "").replace(/^[._+-]+|[._+-]+$/g, ""))
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
 * Does a contact match `q` on name/emails/phones: substring (trigram-indexed ILIKE),
 * prefix full-text, or fuzzy word similarity for typos (the `<%` operator is also
 * trigram-indexed). `alias` is the contacts table alias in the surrounding query.
 */
export function contactMatch(q: string, alias = "contacts"): SQL {
  const col = sql.raw(`${alias}.search_text`);
  const needle = q.trim().toLowerCase();
  const digits = needle.replace(/\D/g, "");
  const ts = prefixTsQuery(needle);
  const parts: SQL[] = [sql`${col} ILIKE ${"%" + escapeLike(needle) + "%"}`];
  // "+1 (555) 010" should find the phone stored as digits too.
  if (digits.length >= 3 && digits !== needle) parts.push(sql`${col} LIKE ${"%" + digits + "%"}`);
  if (ts) parts.push(sql`to_tsvector('simple', ${col}) @@ to_tsquery('simple', ${ts})`);
  if (needle.length >= 3) parts.push(sql`${needle} <% ${col}`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}
