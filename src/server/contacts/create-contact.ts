import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { createContactInput, type CreateContactInput } from "./schemas";
import { encryptHealth } from "./health-context";
import { requireTags } from "./require-tags";
import { setContactTags } from "./set-contact-tags";
import { setContactIdentities } from "./set-contact-identities";
import { relinkContactInteractions } from "./relink-contact-interactions";
import { getContact } from "./get-contact";
import type { ContactDetail } from "./contact-dto";

/**
 * Creates a contact. Validates the input (ZodError → 400), 409 on an email already used by
 * another contact, and links past interactions whose participants include the new emails.
 */
export async function createContact(ctx: Ctx, raw: CreateContactInput): Promise<ContactDetail> {
  const input = createContactInput.parse(raw);
  return withUser(ctx, async (tx) => {
    const userId = ctx.userId;
    const tagIds = await requireTags(tx, userId, input.tagIds ?? []);
    const [row] = await tx
      .insert(contacts)
      .values({
        userId,
        displayName: input.displayName,
        stage: input.stage,
        source: input.source,
        birthday: input.birthday ?? null,
        address: input.address ?? null,
        referralSource: input.referralSource ?? null,
        communicationPreference: input.communicationPreference ?? null,
        preferredSessionTimes: input.preferredSessionTimes ?? null,
        healthContextEnc: encryptHealth(input.healthContext) ?? null,
      })
      .returning({ id: contacts.id });
    const id = row!.id;
    if (input.emails?.length) await setContactIdentities(tx, userId, id, "email", input.emails);
    if (input.phones?.length) await setContactIdentities(tx, userId, id, "phone", input.phones);
    if (tagIds.length) await setContactTags(tx, userId, id, tagIds);
    if (input.emails?.length) await relinkContactInteractions(tx, userId, id);
    return getContact({ ...ctx, tx }, { id });
  });
}
