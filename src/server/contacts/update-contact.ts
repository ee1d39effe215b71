import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { updateContactInput, type UpdateContactInput } from "./schemas";
import { encryptHealth } from "./health-context";
import { requireContact } from "./require-contact";
import { requireTags } from "./require-tags";
import { setContactTags } from "./set-contact-tags";
import { setContactIdentities } from "./set-contact-identities";
import { relinkContactInteractions } from "./relink-contact-interactions";
import { getContact } from "./get-contact";
import type { ContactDetail } from "./contact-dto";

/**
 * Partial update in one transaction: absent fields are untouched, null clears, emails/phones/
 * tagIds replace their whole list. Changing emails re-links past interactions.
 */
export async function updateContact(
  ctx: Ctx,
  input: { id: string; patch: UpdateContactInput },
): Promise<ContactDetail> {
  const p = updateContactInput.parse(input.patch);
  const userId = ctx.userId;
  return withUser(ctx, async (tx) => {
    await requireContact(tx, userId, input.id, { deleted: false });
    const set: Partial<typeof contacts.$inferInsert> = {};
    if (p.displayName !== undefined) set.displayName = p.displayName;
    if (p.stage !== undefined) set.stage = p.stage;
    if (p.birthday !== undefined) set.birthday = p.birthday;
    if (p.address !== undefined) set.address = p.address;
    if (p.referralSource !== undefined) set.referralSource = p.referralSource;
    if (p.communicationPreference !== undefined) set.communicationPreference = p.communicationPreference;
    if (p.preferredSessionTimes !== undefined) set.preferredSessionTimes = p.preferredSessionTimes;
    if (p.healthContext !== undefined) set.healthContextEnc = encryptHealth(p.healthContext);
    const now = new Date();
    // user_edited_at tells importers not to overwrite fields the user changed by hand.
    await tx
      .update(contacts)
      .set({ ...set, updatedAt: now, userEditedAt: now })
      .where(and(eq(contacts.userId, userId), eq(contacts.id, input.id)));
    if (p.tagIds !== undefined)
      await setContactTags(tx, userId, input.id, await requireTags(tx, userId, p.tagIds));
    if (p.phones !== undefined) await setContactIdentities(tx, userId, input.id, "phone", p.phones);
    if (p.emails !== undefined) {
      const { added, removed } = await setContactIdentities(tx, userId, input.id, "email", p.emails);
      if (added.length || removed.length) await relinkContactInteractions(tx, userId, input.id, removed);
    }
    return getContact({ ...ctx, tx }, { id: input.id });
  });
}
