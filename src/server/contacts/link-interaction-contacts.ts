import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { interactionContacts, interactions } from "../db/schema/interactions";

export type InteractionLink = { interactionId: string; contactId: string; role?: string | null };

/**
 * Links interactions to contacts idempotently (re-running never duplicates) and bumps each
 * contact's last_interaction_at when the interaction is newer. occurred_at is copied from
 * the interaction so timelines sort without a join.
 */
export async function linkInteractionContacts(
  tx: Tx,
  userId: string,
  links: InteractionLink[],
): Promise<number> {
  if (!links.length) return 0;
  let inserted = 0;
  for (let i = 0; i < links.length; i += 1000) {
    const chunk = links.slice(i, i + 1000);
    const ids = [...new Set(chunk.map((l) => l.interactionId))];
    const rows = await tx
      .select({ id: interactions.id, occurredAt: interactions.occurredAt })
      .from(interactions)
      .where(and(eq(interactions.userId, userId), inArray(interactions.id, ids)));
    const when = new Map(rows.map((r) => [r.id, r.occurredAt]));
    const values = chunk
      .filter((l) => when.has(l.interactionId))
      .map((l) => ({
        userId,
        interactionId: l.interactionId,
        contactId: l.contactId,
        role: l.role ?? null,
        occurredAt: when.get(l.interactionId)!,
      }));
    if (!values.length) continue;
    const res = await tx
      .insert(interactionContacts)
      .values(values)
      .onConflictDoNothing()
      .returning({ c: interactionContacts.contactId });
    inserted += res.length;
    const contactIds = [...new Set(values.map((v) => v.contactId))];
    await tx.execute(sql`
      UPDATE contacts c SET last_interaction_at = m.t
      FROM (SELECT contact_id, max(occurred_at) t FROM interaction_contacts
            WHERE user_id = ${userId} AND contact_id IN (${sql.join(
              contactIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}) GROUP BY contact_id) m
      WHERE c.id = m.contact_id AND c.user_id = ${userId}
        AND (c.last_interaction_at IS NULL OR c.last_interaction_at < m.t)`);
  }
  return inserted;
}
