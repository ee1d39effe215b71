import { sql } from "drizzle-orm";
import type { DbHandle } from "../../src/server/db/client";

/**
 * Today's inputs for the main user: stage rhythms (Prospect 7, Core 21, VIP 14, so most
 * contacts have one), a tag rhythm on 1 contact in 20, own rhythms and snoozes on 1 in 50,
 * 1 in 200 with a birthday today or soon, and 1,000 tasks (a third overdue or due today).
 */
export async function seedFollowups(h: DbHandle, userId: string, contacts: number): Promise<void> {
  const u = sql`${userId}::uuid`;
  await h.db.execute(sql`INSERT INTO rhythm_defaults (user_id, stage, every_days)
    VALUES (${u}, 'Prospect', 7), (${u}, 'Core Client', 21), (${u}, 'VIP Client', 14)`);
  await h.db.execute(sql`WITH t AS (INSERT INTO tags (user_id, name) VALUES (${u}, 'Bench VIP') RETURNING id)
    INSERT INTO rhythm_defaults (user_id, tag_id, every_days) SELECT ${u}, id, 10 FROM t`);
  await h.db.execute(sql`INSERT INTO contact_tags (user_id, contact_id, tag_id)
    SELECT ${u}, c.id, t.id FROM contacts c, tags t
    WHERE c.user_id = ${u} AND t.user_id = ${u} AND t.name = 'Bench VIP' AND abs(hashtext(c.id::text)) % 20 = 0`);
  await h.db.execute(sql`INSERT INTO contact_rhythms (user_id, contact_id, every_days, snoozed_until)
    SELECT ${u}, id, 3 + abs(hashtext(id::text)) % 30,
      CASE WHEN abs(hashtext(id::text)) % 3 = 0 THEN now() + interval '3 days' END
    FROM contacts WHERE user_id = ${u} AND abs(hashtext(id::text || 'r')) % 50 = 0`);
  await h.db.execute(sql`UPDATE contacts SET birthday = (date '1980-01-01' + (abs(hashtext(id::text)) % 365))
    WHERE user_id = ${u} AND abs(hashtext(id::text || 'b')) % 200 = 0`);
  await h.db.execute(sql`INSERT INTO tasks (user_id, title, due_on, sort_key, status)
    SELECT ${u}, 'Bench task ' || g, current_date + (g % 90) - 30, (current_date + (g % 90) - 30)::text,
      CASE WHEN g % 4 = 0 THEN 'done' ELSE 'open' END
    FROM generate_series(1, ${Math.max(50, Math.round(contacts / 20))}::int) g`);
  // Statistics, as autovacuum has them shortly after: never-analysed tables are planned as
  // ~5 rows, which turned the own-rhythm anti-join into 22,000 loop comparisons.
  for (const t of ["contact_rhythms", "rhythm_defaults", "contact_tags", "tags", "tasks"])
    await h.db.execute(sql.raw(`VACUUM ANALYZE ${t}`));
}
