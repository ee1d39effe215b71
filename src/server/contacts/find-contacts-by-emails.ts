import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contactIdentities } from "../db/schema/contacts";
import { normalizeEmail } from "./identity-normalize";

/**
 * For importers, inside their own withUser transaction: lower-cased email → contact id for
 * every given email that belongs to one of the user's contacts (soft-deleted ones included,
 * so an import never re-creates a contact the user just deleted; check deletedAt if needed).
 */
export async function findContactsByEmails(
  tx: Tx,
  userId: string,
  emails: string[],
): Promise<Map<string, string>> {
  const norms = [...new Set(emails.map(normalizeEmail).filter(Boolean))];
  const out = new Map<string, string>();
  for (let i = 0; i < norms.length; i += 1000) {
    const rows = await tx
      .select({ norm: contactIdentities.valueNormalized, contactId: contactIdentities.contactId })
      .from(contactIdentities)
      .where(
        and(
          eq(contactIdentities.userId, userId),
          eq(contactIdentities.kind, "email"),
          inArray(contactIdentities.valueNormalized, norms.slice(i, i + 1000)),
        ),
      );
    for (const r of rows) out.set(r.norm, r.contactId);
  }
  return out;
}
