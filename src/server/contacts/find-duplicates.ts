import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { contactSummarySchema, summariesFor } from "./contact-dto";
import { inArray, and, eq } from "drizzle-orm";

export const duplicatesQuery = z.object({
  /** Only duplicates of this contact (fast; for the contact page). */
  contactId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const duplicateReasons = ["same_email", "same_phone", "similar_name"] as const;
export const duplicatePairSchema = z.object({
  a: contactSummarySchema,
  b: contactSummarySchema,
  reasons: z.array(z.enum(duplicateReasons)),
  /** 0..1; exact email/phone matches score 1. */
  score: z.number(),
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

type Row = { a: string; b: string; reason: (typeof duplicateReasons)[number]; score: number };

// Emails are unique per user, so "same email" means the same mailbox written differently:
// +tags, and dots in Gmail local parts. Phones match on their last 9 digits (with and
// without country code).
const CANON_EMAIL = sql`(CASE WHEN split_part(i.value_normalized, '@', 2) IN ('gmail.com', 'googlemail.com')
  THEN replace(split_part(split_part(i.value_normalized, '@', 1), '+', 1), '.', '') || '@gmail.com'
  ELSE split_part(split_part(i.value_normalized, '@', 1), '+', 1) || '@' || split_part(i.value_normalized, '@', 2) END)`;

/** Likely duplicate pairs among live contacts: same email/phone (canonical), similar names. */
export async function findDuplicates(
  ctx: Ctx,
  raw: z.input<typeof duplicatesQuery>,
): Promise<{ items: DuplicatePair[] }> {
  const q = duplicatesQuery.parse(raw);
  const u = ctx.userId;
  const only = (col: string) => (q.contactId ? sql`AND ${sql.raw(col)} = ${q.contactId}::uuid` : sql``);
  return withUser(ctx, async (tx) => {
    await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', '0.6', true)`);
    const r = await tx.execute<Row>(sql`
      WITH live AS (SELECT id, display_name FROM contacts WHERE user_id = ${u} AND deleted_at IS NULL),
      em AS (SELECT i.contact_id, ${CANON_EMAIL} AS k FROM contact_identities i JOIN live ON live.id = i.contact_id
             WHERE i.user_id = ${u} AND i.kind = 'email'),
      ph AS (SELECT i.contact_id, right(i.value_normalized, 9) AS k FROM contact_identities i
             JOIN live ON live.id = i.contact_id
             WHERE i.user_id = ${u} AND i.kind = 'phone' AND length(i.value_normalized) >= 9)
      (SELECT DISTINCT least(x.contact_id, y.contact_id) a, greatest(x.contact_id, y.contact_id) b,
         'same_email' reason, 1.0::float8 score
       FROM em x JOIN em y ON x.k = y.k AND x.contact_id <> y.contact_id
       WHERE true ${only("x.contact_id")} LIMIT ${q.limit})
      UNION ALL
      (SELECT DISTINCT least(x.contact_id, y.contact_id), greatest(x.contact_id, y.contact_id), 'same_phone', 1.0
       FROM ph x JOIN ph y ON x.k = y.k AND x.contact_id <> y.contact_id
       WHERE true ${only("x.contact_id")} LIMIT ${q.limit})
      UNION ALL
      (SELECT x.id, y.id, 'similar_name', similarity(lower(x.display_name), lower(y.display_name))::float8
       FROM contacts x JOIN contacts y ON lower(x.display_name) % lower(y.display_name)
         AND y.user_id = ${u} AND y.deleted_at IS NULL AND x.id <> y.id
         AND (${q.contactId ? sql`true` : sql`x.id < y.id`})
       WHERE x.user_id = ${u} AND x.deleted_at IS NULL ${only("x.id")}
       ORDER BY 4 DESC LIMIT ${q.limit})`);
    const pairs = new Map<string, { a: string; b: string; reasons: Set<Row["reason"]>; score: number }>();
    for (const row of r.rows) {
      const [a, b] = q.contactId && row.b === q.contactId ? [row.b, row.a] : [row.a, row.b];
      const key = [a, b].sort().join(":");
      const p = pairs.get(key) ?? { a, b, reasons: new Set(), score: 0 };
      p.reasons.add(row.reason);
      p.score = Math.max(p.score, Number(row.score));
      pairs.set(key, p);
    }
    const list = [...pairs.values()].sort((x, y) => y.score - x.score).slice(0, q.limit);
    const ids = [...new Set(list.flatMap((p) => [p.a, p.b]))];
    const rows = ids.length
      ? await tx
          .select()
          .from(contacts)
          .where(and(eq(contacts.userId, u), inArray(contacts.id, ids)))
      : [];
    const byId = new Map((await summariesFor(tx, u, rows)).map((s) => [s.id, s]));
    return {
      items: list.flatMap((p) => {
        const a = byId.get(p.a);
        const b = byId.get(p.b);
        return a && b ? [{ a, b, reasons: [...p.reasons], score: Math.round(p.score * 1000) / 1000 }] : [];
      }),
    };
  });
}
