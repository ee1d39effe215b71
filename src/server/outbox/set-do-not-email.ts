import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { contacts } from "../db/schema/contacts";
import { contactEmailOptouts } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { outboxError } from "./outbox-error";

export const emailConsentSchema = z.object({
  contactId: z.uuid(),
  doNotEmail: z.boolean(),
  reason: z.string().nullable(),
  source: z.enum(["user", "unsubscribe"]).nullable(),
});
export const setEmailConsentInput = z.strictObject({
  doNotEmail: z.boolean(),
  reason: z.string().trim().max(300).optional(),
});

/** Marks a contact "do not email" (or clears it). Drafts to them then refuse with 409. */
export async function setDoNotEmail(
  ctx: Ctx,
  input: { contactId: string; doNotEmail: boolean; reason?: string; source?: "user" | "unsubscribe" },
): Promise<z.infer<typeof emailConsentSchema>> {
  return withUser(ctx, async (tx) => {
    const [c] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(eq(contacts.userId, ctx.userId), eq(contacts.id, input.contactId), isNull(contacts.deletedAt)),
      );
    if (!c) throw outboxError("not_found", "contact not found");
    if (!input.doNotEmail) {
      await tx
        .delete(contactEmailOptouts)
        .where(and(eq(contactEmailOptouts.userId, ctx.userId), eq(contactEmailOptouts.contactId, c.id)));
      return { contactId: c.id, doNotEmail: false, reason: null, source: null };
    }
    const source = input.source ?? "user";
    const reason = input.reason || (source === "unsubscribe" ? "Unsubscribed by link" : "Marked by you");
    await tx
      .insert(contactEmailOptouts)
      .values({ userId: ctx.userId, contactId: c.id, reason, source })
      .onConflictDoUpdate({ target: contactEmailOptouts.contactId, set: { reason, source } });
    return { contactId: c.id, doNotEmail: true, reason, source };
  });
}
