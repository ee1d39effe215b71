import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts, contactTags } from "../db/schema/contacts";
import { AppError } from "../errors";
import { bulkContactsInput, type BulkContactsInput } from "../tags/schemas";
import { requireTags } from "./require-tags";
import { RESTORE_WINDOW_DAYS } from "./delete-contact";

/**
 * One bulk action over ≤1,000 of the caller's contacts, all or nothing: an id that is not
 * the caller's fails the whole call with 400 naming `ids` (no partial write).
 */
export async function bulkUpdateContacts(ctx: Ctx, raw: BulkContactsInput): Promise<{ affected: number }> {
  const input = bulkContactsInput.parse(raw);
  const userId = ctx.userId;
  const ids = [...new Set(input.ids)];
  return withUser(ctx, async (tx) => {
    const own = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), inArray(contacts.id, ids)));
    // Another user's id answers exactly like an id that never existed: 404, never 403.
    if (own.length !== ids.length)
      throw new AppError("not_found", "unknown contact ids", {
        fields: { ids: [`${ids.length - own.length} id(s) are not your contacts`] },
      });
    const mine = and(eq(contacts.userId, userId), inArray(contacts.id, ids));
    const now = new Date();
    switch (input.action) {
      case "addTags": {
        const tagIds = await requireTags(tx, userId, input.tagIds);
        const rows = await tx
          .insert(contactTags)
          .values(ids.flatMap((contactId) => tagIds.map((tagId) => ({ userId, contactId, tagId }))))
          .onConflictDoNothing()
          .returning({ c: contactTags.contactId });
        return { affected: rows.length };
      }
      case "removeTags": {
        const rows = await tx
          .delete(contactTags)
          .where(
            and(
              eq(contactTags.userId, userId),
              inArray(contactTags.contactId, ids),
              inArray(contactTags.tagId, input.tagIds),
            ),
          )
          .returning({ c: contactTags.contactId });
        return { affected: rows.length };
      }
      case "setStage": {
        const rows = await tx
          .update(contacts)
          .set({ stage: input.stage, updatedAt: now, userEditedAt: now })
          .where(and(mine, isNull(contacts.deletedAt)))
          .returning({ id: contacts.id });
        return { affected: rows.length };
      }
      case "delete": {
        const rows = await tx
          .update(contacts)
          .set({ deletedAt: now, updatedAt: now })
          .where(and(mine, isNull(contacts.deletedAt)))
          .returning({ id: contacts.id });
        return { affected: rows.length };
      }
      case "restore": {
        const rows = await tx
          .update(contacts)
          .set({ deletedAt: null, updatedAt: now })
          .where(
            and(
              mine,
              isNotNull(contacts.deletedAt),
              isNull(contacts.mergedIntoId),
              sql`${contacts.deletedAt} > now() - make_interval(days => ${RESTORE_WINDOW_DAYS})`,
            ),
          )
          .returning({ id: contacts.id });
        return { affected: rows.length };
      }
    }
  });
}
