import { sql } from "drizzle-orm";
import type { Tx } from "../db/with-user";

/**
 * Sets contacts.last_interaction_at to the newest linked interaction (null when none) for
 * the given contacts. Call after linking/unlinking interactions or undoing an import.
 */
export async function recomputeLastInteraction(tx: Tx, userId: string, contactIds: string[]): Promise<void> {
  const ids = [...new Set(contactIds)];
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await tx.execute(sql`
      UPDATE contacts c SET last_interaction_at = (
        SELECT max(ic.occurred_at) FROM interaction_contacts ic
        WHERE ic.contact_id = c.id AND ic.user_id = ${userId})
      WHERE c.user_id = ${userId} AND c.id IN (${sql.join(
        chunk.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
  }
}
