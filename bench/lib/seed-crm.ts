import { sql } from "drizzle-orm";
import type { DbHandle } from "../../src/server/db/client";

const FIRST = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Elena",
  "Finn",
  "Grace",
  "Hugo",
  "Iris",
  "Jonas",
  "Priya",
  "Mateo",
  "Sofia",
  "Tariq",
  "Yuki",
  "Zoe",
];
const LAST = [
  "Smith",
  "Garcia",
  "Müller",
  "Rossi",
  "Khan",
  "Nguyen",
  "Silva",
  "Cohen",
  "Brown",
  "Ivanova",
  "Okafor",
  "Larsen",
];
const TOPICS = [
  "session",
  "booking",
  "invoice",
  "massage",
  "yoga",
  "retreat",
  "workshop",
  "prenatal",
  "follow",
  "package",
  "cancellation",
  "breathwork",
  "pilates",
  "nutrition",
  "referral",
  "reminder",
];
const arr = (xs: string[]) => `{${xs.map((x) => `"${x}"`).join(",")}}`;

/**
 * Bulk data for one user, generated inside the database (generate_series, set-based
 * inserts, no per-row round trips): `contacts` contacts with an email identity each,
 * `interactions` emails spread over 2 years, each linked to one contact, and a note on every
 * 10th contact. Subjects mix 16 common topic words (each in ~1/16 of rows: big match sets)
 * with a per-row code `w<g mod 5000>` (rare words, ~N/5000 matches). Offsets let a second
 * call grow the same user's data.
 */
export async function seedCrm(
  h: DbHandle,
  userId: string,
  o: {
    contacts: number;
    interactions: number;
    contactOffset?: number;
    interactionOffset?: number;
    analyze?: boolean;
  },
): Promise<void> {
  const c0 = o.contactOffset ?? 0;
  const i0 = o.interactionOffset ?? 0;
  const u = sql`${userId}::uuid`;
  if (o.contacts > 0) {
    await h.db.execute(sql`INSERT INTO contacts (user_id, display_name, stage, source)
      SELECT ${u}, (${arr(FIRST)}::text[])[1 + g % 16] || ' ' || (${arr(LAST)}::text[])[1 + (g / 16) % 12] || ' ' || g,
        (ARRAY['Prospect','Core Client','VIP Client','Inactive'])[1 + g % 4], 'manual'
      FROM generate_series(${c0 + 1}::int, ${c0 + o.contacts}::int) g`);
    await h.db
      .execute(sql`INSERT INTO contact_identities (user_id, contact_id, kind, value, value_normalized, is_primary)
      SELECT ${u}, id, 'email', lower(replace(display_name, ' ', '.')) || '@example.com',
        lower(replace(display_name, ' ', '.')) || '@example.com', true
      FROM contacts WHERE user_id = ${u} AND NOT EXISTS (SELECT 1 FROM contact_identities ci WHERE ci.contact_id = contacts.id)`);
    await h.db.execute(sql`INSERT INTO notes (user_id, contact_id, body)
      SELECT ${u}, id, 'Prefers evening sessions; lower back pain; ' || (${arr(TOPICS)}::text[])[1 + abs(hashtext(id::text)) % 16]
      FROM contacts WHERE user_id = ${u} AND abs(hashtext(id::text)) % 10 = 0
        AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.contact_id = contacts.id)`);
  }
  if (o.interactions > 0) {
    // Contacts by ordinal, so interaction g links to contact (g mod contacts).
    await h.db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS bench_cids (n int PRIMARY KEY, id uuid)`);
    await h.db.execute(sql`TRUNCATE bench_cids`);
    await h.db.execute(sql`INSERT INTO bench_cids SELECT row_number() OVER (ORDER BY created_at, id) - 1, id
      FROM contacts WHERE user_id = ${u}`);
    const total = await h.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM bench_cids`);
    const nc = Math.max(1, total.rows[0]!.n);
    for (let s = i0 + 1; s <= i0 + o.interactions; s += 100_000) {
      const e = Math.min(i0 + o.interactions, s + 99_999);
      await h.db.execute(sql`WITH ins AS (
          INSERT INTO interactions (user_id, type, source, source_id, occurred_at, subject, body, direction, metadata)
          SELECT ${u}, 'email', 'bench', 'm' || g, now() - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute',
            initcap((${arr(TOPICS)}::text[])[1 + g % 16]) || ' ' || (${arr(TOPICS)}::text[])[1 + (g / 16) % 16] || ' w' || (g % 5000) || ' #' || g,
            'Hello, about our ' || (${arr(TOPICS)}::text[])[1 + g % 16] || ' next week.', CASE WHEN g % 3 = 0 THEN 'outbound' ELSE 'inbound' END,
            jsonb_build_object('participants', jsonb_build_array('p' || (g % ${nc}) || '@example.com'))
          FROM generate_series(${s}::int, ${e}::int) g
          RETURNING id, occurred_at, source_id)
        INSERT INTO interaction_contacts (user_id, interaction_id, contact_id, occurred_at)
        SELECT ${u}, ins.id, b.id, ins.occurred_at FROM ins
        JOIN bench_cids b ON b.n = substr(ins.source_id, 2)::int % ${nc}`);
    }
    await h.db.execute(sql`UPDATE contacts c SET last_interaction_at = x.at FROM (
        SELECT contact_id, max(occurred_at) AS at FROM interaction_contacts WHERE user_id = ${u} GROUP BY contact_id) x
      WHERE c.id = x.contact_id AND c.user_id = ${u}`);
  }
  if (o.analyze !== false) await analyzeCrm(h);
}

/**
 * VACUUM ANALYZE the seeded tables: the steady state autovacuum reaches shortly after a bulk
 * load (statistics, and a visibility map so counts can be index-only scans). Measuring right
 * after the load without it times heap fetches a live system does not do.
 */
export async function analyzeCrm(h: DbHandle): Promise<void> {
  for (const t of ["contacts", "contact_identities", "notes", "interactions", "interaction_contacts"])
    await h.db.execute(sql.raw(`VACUUM ANALYZE ${t}`));
}
