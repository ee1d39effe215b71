import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { createContact } from "../contacts/create-contact";
import { findContactsByEmails } from "../contacts/find-contacts-by-emails";
import { normalizeEmail } from "../contacts/identity-normalize";
import { phoneSchema } from "../contacts/identity-normalize";
import { contacts } from "../db/schema/contacts";
import type { Tx } from "../db/with-user";

/**
 * The client's contact: the one with this email (restored if it was in the bin), or a new
 * Prospect with source "booking".
 */
export async function matchOrCreateContact(
  ctx: Ctx & { tx: Tx },
  client: { name: string; email: string; phone?: string | null },
): Promise<string> {
  const { tx, userId } = ctx;
  const found = (await findContactsByEmails(tx, userId, [client.email])).get(normalizeEmail(client.email));
  if (found) {
    await tx
      .update(contacts)
      .set({ deletedAt: null, updatedAt: new Date() })
      .where(and(eq(contacts.userId, userId), eq(contacts.id, found)));
    return found;
  }
  const phone = client.phone && phoneSchema.safeParse(client.phone).success ? client.phone : null;
  const { id } = await createContact(ctx, {
    displayName: client.name,
    stage: "Prospect",
    source: "booking",
    emails: [{ value: client.email, isPrimary: true }],
    ...(phone ? { phones: [{ value: phone, isPrimary: true }] } : {}),
  });
  return id;
}
