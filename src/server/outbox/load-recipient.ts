import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { contactIdentities, contacts } from "../db/schema/contacts";
import { interactionContacts, interactions } from "../db/schema/interactions";
import { contactEmailOptouts } from "../db/schema/outbox";
import type { Tx } from "../db/with-user";
import { outboxError } from "./outbox-error";

export type Recipient = {
  id: string;
  displayName: string;
  emails: string[];
  primaryEmail: string | null;
  optout: { reason: string } | null;
  lastSessionAt: Date | null;
};

/** The contact as an email recipient: addresses (primary first), "do not email", last session. */
export async function loadRecipient(tx: Tx, userId: string, contactId: string): Promise<Recipient> {
  const [row] = await tx
    .select({ id: contacts.id, displayName: contacts.displayName })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId), isNull(contacts.deletedAt)));
  if (!row) throw outboxError("not_found", "contact not found");
  const ids = await tx
    .select({ value: contactIdentities.value, isPrimary: contactIdentities.isPrimary })
    .from(contactIdentities)
    .where(
      and(
        eq(contactIdentities.userId, userId),
        eq(contactIdentities.contactId, contactId),
        eq(contactIdentities.kind, "email"),
      ),
    )
    .orderBy(desc(contactIdentities.isPrimary), asc(contactIdentities.createdAt));
  const [opt] = await tx
    .select({ reason: contactEmailOptouts.reason })
    .from(contactEmailOptouts)
    .where(and(eq(contactEmailOptouts.userId, userId), eq(contactEmailOptouts.contactId, contactId)));
  const [last] = await tx
    .select({ at: interactions.occurredAt })
    .from(interactionContacts)
    .innerJoin(interactions, eq(interactions.id, interactionContacts.interactionId))
    .where(
      and(
        eq(interactionContacts.userId, userId),
        eq(interactionContacts.contactId, contactId),
        inArray(interactions.type, ["session", "meeting"]),
      ),
    )
    .orderBy(desc(interactions.occurredAt))
    .limit(1);
  const emails = ids.map((i) => i.value);
  return {
    id: row.id,
    displayName: row.displayName,
    emails,
    primaryEmail: emails[0] ?? null,
    optout: opt ? { reason: opt.reason } : null,
    lastSessionAt: last?.at && last.at.getTime() <= Date.now() ? last.at : null,
  };
}

/** 409 when the contact is marked "do not email". */
export function assertEmailable(r: Recipient): void {
  if (r.optout)
    throw outboxError("conflict", `${r.displayName} is marked "do not email": ${r.optout.reason}`, {
      reason: "do_not_email",
      detail: r.optout.reason,
    });
}
