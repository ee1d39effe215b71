import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contactTags } from "../db/schema/contacts";

/** Replaces a contact's tags with `tagIds` (already checked by requireTags). */
export async function setContactTags(tx: Tx, userId: string, contactId: string, tagIds: string[]) {
  await tx
    .delete(contactTags)
    .where(and(eq(contactTags.userId, userId), eq(contactTags.contactId, contactId)));
  if (tagIds.length)
    await tx
      .insert(contactTags)
      .values(tagIds.map((tagId) => ({ userId, contactId, tagId })))
      .onConflictDoNothing();
}
