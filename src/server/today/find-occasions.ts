import { sql } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { addDays, daysBetween, localDateOf } from "../followups/local-time";
import type { Occasion } from "./schemas";

/** The dates of the next `ahead` days (today included) keyed by "MM-DD". */
function window(today: string, ahead: number): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i <= ahead; i++) {
    const d = addDays(today, i);
    m.set(d.slice(5), d);
  }
  // Born on 29 February: celebrated on the 28th in years without one.
  const feb28 = [...m.values()].find((d) => d.endsWith("-02-28"));
  if (feb28 && !m.has("02-29") && !isLeap(Number(feb28.slice(0, 4)))) m.set("02-29", feb28);
  return m;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Birthdays and client anniversaries (a year or more since the first session) in the next
 * `ahead` days, soonest first. Birthdays are dates (no zone); first sessions are instants
 * placed on the user's calendar.
 */
export async function findOccasions(
  tx: Tx,
  userId: string,
  o: { today: string; tz: string; ahead: number; limit: number },
): Promise<Occasion[]> {
  const win = window(o.today, o.ahead);
  const keys = [...win.keys()];
  const b = await tx.execute<{ id: string; name: string; birthday: string }>(sql`
    SELECT id, display_name AS name, to_char(birthday, 'YYYY-MM-DD') AS birthday FROM contacts
    WHERE user_id = ${userId} AND birthday IS NOT NULL AND deleted_at IS NULL
      AND to_char(birthday, 'MM-DD') IN (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})
    LIMIT 500`);
  const out: Occasion[] = [];
  for (const r of b.rows) {
    const date = win.get(r.birthday.slice(5))!;
    const born = Number(r.birthday.slice(0, 4));
    // Year 1 / 1900 placeholders mean "year unknown" (vCard and Google Contacts use them).
    const years = born > 1900 ? Number(date.slice(0, 4)) - born : null;
    out.push({
      contactId: r.id,
      displayName: r.name,
      kind: "birthday",
      date,
      inDays: daysBetween(o.today, date),
      years,
    });
  }
  const cutoff = new Date(Date.now() - 300 * 86_400_000).toISOString();
  const s = await tx.execute<{ id: string; name: string; first_ms: number }>(sql`
    SELECT c.id, c.display_name AS name, f.first_ms FROM (
      SELECT ic.contact_id, (extract(epoch FROM min(i.occurred_at)) * 1000)::float8 AS first_ms
      FROM interactions i JOIN interaction_contacts ic ON ic.interaction_id = i.id
      WHERE i.user_id = ${userId} AND i.type IN ('session', 'meeting') AND i.occurred_at < now()
      GROUP BY ic.contact_id HAVING min(i.occurred_at) < ${cutoff}::timestamptz) f
    JOIN contacts c ON c.id = f.contact_id
    WHERE c.deleted_at IS NULL AND c.stage NOT IN ('Prospect', 'Lost Client')
    LIMIT 5000`);
  for (const r of s.rows) {
    const first = localDateOf(new Date(Number(r.first_ms)), o.tz);
    const date = win.get(first.slice(5));
    if (!date) continue;
    const years = Number(date.slice(0, 4)) - Number(first.slice(0, 4));
    if (years < 1) continue;
    out.push({
      contactId: r.id,
      displayName: r.name,
      kind: "anniversary",
      date,
      inDays: daysBetween(o.today, date),
      years,
    });
  }
  return out
    .sort((a, b) => a.inDays - b.inDays || a.displayName.localeCompare(b.displayName))
    .slice(0, o.limit);
}
