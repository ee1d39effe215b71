import { sql } from "drizzle-orm";
import type { DbHandle } from "../../db/client";
import { withUser } from "../../db/with-user";
import { appEncryptor } from "../../crypto/app-crypto";
import { rootLog } from "../../log";
import { createTestUser } from "../../testing/test-db";

export async function newUserCtx(h: DbHandle) {
  const u = await createTestUser(h);
  return { db: h.db, userId: u.id, log: rootLog() };
}

export async function addContact(
  h: DbHandle,
  userId: string,
  c: { name: string; email?: string; stage?: string; health?: Record<string, string>; lastDaysAgo?: number },
): Promise<string> {
  return withUser({ db: h.db, userId }, async (tx) => {
    const health = c.health ? appEncryptor().encrypt(JSON.stringify(c.health), "health") : null;
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO contacts (user_id, display_name, stage, health_context_enc, last_interaction_at)
      VALUES (${userId}, ${c.name}, ${c.stage ?? "Core Client"}, ${health},
        ${c.lastDaysAgo === undefined ? null : sql`now() - make_interval(days => ${c.lastDaysAgo})`})
      RETURNING id`);
    const id = r.rows[0]!.id;
    if (c.email)
      await tx.execute(sql`INSERT INTO contact_identities (user_id, contact_id, kind, value, value_normalized, is_primary)
        VALUES (${userId}, ${id}, 'email', ${c.email}, ${c.email.toLowerCase()}, true)`);
    return id;
  });
}

export async function addInteraction(
  h: DbHandle,
  userId: string,
  contactId: string | null,
  i: { type?: string; subject?: string; body: string; daysFromNow?: number },
): Promise<string> {
  return withUser({ db: h.db, userId }, async (tx) => {
    const r = await tx.execute<{ id: string; occurred_at: string }>(sql`
      INSERT INTO interactions (user_id, type, source, source_id, occurred_at, subject, body, direction)
      VALUES (${userId}, ${i.type ?? "email"}, 'test', gen_random_uuid()::text,
        now() + make_interval(days => ${i.daysFromNow ?? -1}), ${i.subject ?? null}, ${i.body}, 'inbound')
      RETURNING id, occurred_at::text`);
    const row = r.rows[0]!;
    if (contactId)
      await tx.execute(sql`INSERT INTO interaction_contacts (user_id, interaction_id, contact_id, occurred_at)
        VALUES (${userId}, ${row.id}, ${contactId}, ${row.occurred_at}::timestamptz)`);
    return row.id;
  });
}

export async function addNote(h: DbHandle, userId: string, contactId: string, body: string): Promise<string> {
  return withUser({ db: h.db, userId }, async (tx) => {
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO notes (user_id, contact_id, body) VALUES (${userId}, ${contactId}, ${body}) RETURNING id`);
    return r.rows[0]!.id;
  });
}
