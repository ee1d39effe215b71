import { sql } from "drizzle-orm";
import type { Tx } from "../../db/with-user";
import { pgArray } from "../../db/pg-array";

export type OwnerType = "contact" | "interaction" | "note" | "document";

/**
 * The text embedded for each owner. A contact is embedded by its profile fields only:
 * private health context is never sent to the embedding provider.
 */
export async function loadOwnerTexts(
  tx: Tx,
  userId: string,
  type: OwnerType,
  ids: string[],
): Promise<Map<string, string>> {
  const arr = pgArray(ids, "uuid");
  const q = {
    contact: sql`SELECT c.id, concat_ws('\n', c.display_name, 'Stage: ' || c.stage, c.referral_source, c.communication_preference,
        c.preferred_session_times, (SELECT string_agg(i.value, ', ') FROM contact_identities i WHERE i.contact_id = c.id)) AS text
      FROM contacts c WHERE c.user_id = ${userId} AND c.id = ANY(${arr}) AND c.deleted_at IS NULL`,
    interaction: sql`SELECT id, concat_ws('\n', subject, coalesce(summary, body)) AS text FROM interactions
      WHERE user_id = ${userId} AND id = ANY(${arr})`,
    note: sql`SELECT id, body AS text FROM notes WHERE user_id = ${userId} AND id = ANY(${arr})`,
    document: sql`SELECT id, concat_ws('\n', title, text) AS text FROM documents WHERE user_id = ${userId} AND id = ANY(${arr})`,
  }[type];
  const r = await tx.execute<{ id: string; text: string | null }>(q);
  return new Map(r.rows.map((row) => [row.id, row.text ?? ""]));
}
