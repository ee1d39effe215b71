import type { Ctx } from "../context";
import { withUser, type Tx } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { createContactInput, type CreateContactInput } from "./schemas";
import { encryptHealth, requireTags, setContactTags } from "./contact-helpers";
import { setContactIdentities } from "./set-contact-identities";
import { relinkContactInteractions } from "./relink-contact-interactions";
import { getContactInTx } from "./get-contact";
import type { ContactDetail } from "./contact-dto";

export type CreateOptions = { batchId?: string | null; relink?: boolean };

/**
 * Creates a contact inside the caller's transaction (importers call this directly).
 * Validates the input (ZodError → 400), 409 on an email already used by another contact,
 * and links past interactions whose participants include the new emails.
 */
export async function createContactInTx(
  tx: Tx,
  userId: string,
  raw: CreateContactInput,
  opts: CreateOptions = {},
): Promise<{ id: string }> {
  const input = createContactInput.parse(raw);
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
      batchId: opts.batchId ?? null,
    })
    .returning({ id: contacts.id });
  const id = row!.id;
  if (input.emails?.length) await setContactIdentities(tx, userId, id, "email", input.emails);
  if (input.phones?.length) await setContactIdentities(tx, userId, id, "phone", input.phones);
  if (tagIds.length) await setContactTags(tx, userId, id, tagIds);
  if (opts.relink !== false && input.emails?.length) await relinkContactInteractions(tx, userId, id);
  return { id };
}

export async function createContact(ctx: Ctx, input: CreateContactInput): Promise<ContactDetail> {
  return withUser(ctx.db, ctx.userId, async (tx) => {
    const { id } = await createContactInTx(tx, ctx.userId, input);
    return getContactInTx(tx, ctx.userId, id);
  });
}
