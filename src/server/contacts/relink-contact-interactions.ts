import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contactIdentities } from "../db/schema/contacts";
import { recomputeLastInteraction } from "./recompute-last-interaction";

const arr = (xs: string[]) =>
  sql`ARRAY[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

/**
 * After a contact's emails change: link every past interaction whose
 * metadata.participants (lower-cased emails) contains one of the contact's emails, and
 * unlink imported (non-manual) interactions that only matched a removed email.
 */
export async function relinkContactInteractions(
  tx: Tx,
  userId: string,
  contactId: string,
  removedEmails: string[] = [],
): Promise<{ linked: number; unlinked: number }> {
  const emails = (
    await tx
      .select({ v: contactIdentities.valueNormalized })
      .from(contactIdentities)
      .where(
        and(
          eq(contactIdentities.userId, userId),
          eq(contactIdentities.contactId, contactId),
          eq(contactIdentities.kind, "email"),
        ),
      )
  ).map((r) => r.v);
  let unlinked = 0;
  if (removedEmails.length) {
    const keep = emails.length ? sql`AND NOT (i.metadata -> 'participants' ?| ${arr(emails)})` : sql``;
    const r = await tx.execute(sql`
      DELETE FROM interaction_contacts ic USING interactions i
      WHERE ic.interaction_id = i.id AND ic.contact_id = ${contactId} AND ic.user_id = ${userId}
        AND i.user_id = ${userId} AND i.source <> 'manual'
        AND i.metadata -> 'participants' ?| ${arr(removedEmails)} ${keep}`);
    unlinked = r.rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0;
  }
  let linked = 0;
  if (emails.length) {
    const r = await tx.execute(sql`
      INSERT INTO interaction_contacts (user_id, interaction_id, contact_id, occurred_at)
      SELECT ${userId}, i.id, ${contactId}, i.occurred_at FROM interactions i
      WHERE i.user_id = ${userId} AND i.metadata -> 'participants' ?| ${arr(emails)}
      ON CONFLICT DO NOTHING`);
    linked = r.rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0;
  }
  if (linked || unlinked) await recomputeLastInteraction(tx, userId, [contactId]);
  return { linked, unlinked };
}
