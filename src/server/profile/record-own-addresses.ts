import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { contactIdentities, contacts } from "../db/schema/contacts";
import { userEmailIdentities } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { pgArray } from "../db/pg-array";
import type { OwnAddress } from "./list-own-addresses";

/**
 * Remembers addresses as the user's own. A better source wins (primary > send_as >
 * sent_from). Contacts an import created for one of them (source gmail_import/
 * calendar_import, only that email) are removed: they were the user, not a client.
 * Returns the addresses that were new.
 */
export async function recordOwnAddresses(ctx: Ctx, found: OwnAddress[]): Promise<string[]> {
  const rows = [...new Map(found.filter((f) => f.email).map((f) => [f.email.toLowerCase(), f])).values()];
  if (!rows.length) return [];
  return withUser(ctx, async (tx) => {
    const inserted = await tx
      .insert(userEmailIdentities)
      .values(rows.map((r) => ({ userId: ctx.userId, email: r.email.toLowerCase(), source: r.source })))
      .onConflictDoUpdate({
        target: [userEmailIdentities.userId, userEmailIdentities.email],
        set: {
          source: sql`CASE WHEN excluded.source = 'primary' OR (excluded.source = 'send_as' AND ${userEmailIdentities.source} = 'sent_from') THEN excluded.source ELSE ${userEmailIdentities.source} END`,
        },
      })
      .returning({ email: userEmailIdentities.email, isNew: sql<boolean>`xmax = 0` });
    const emails = rows.map((r) => r.email.toLowerCase());
    const imported = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .innerJoin(contactIdentities, eq(contactIdentities.contactId, contacts.id))
      .where(
        and(
          eq(contacts.userId, ctx.userId),
          inArray(contactIdentities.valueNormalized, emails),
          inArray(contacts.source, ["gmail_import", "calendar_import"]),
          isNull(contacts.userEditedAt),
          sql`NOT EXISTS (SELECT 1 FROM contact_identities o WHERE o.contact_id = ${contacts.id} AND o.value_normalized <> ALL(${pgArray(emails, "text")}))`,
        ),
      );
    if (imported.length) {
      await tx.delete(contacts).where(
        and(
          eq(contacts.userId, ctx.userId),
          inArray(
            contacts.id,
            imported.map((c) => c.id),
          ),
        ),
      );
      ctx.log.info({ n: imported.length }, "removed imported contacts that were the user's own addresses");
    }
    return inserted.filter((r) => r.isNew).map((r) => r.email);
  });
}
