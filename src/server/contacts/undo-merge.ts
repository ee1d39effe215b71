import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contactIdentities, contactMerges, contacts, contactTags, notes } from "../db/schema/contacts";
import { interactionContacts } from "../db/schema/interactions";
import { clientFiles } from "../db/schema/files";
import { AppError } from "../errors";
import { recomputeLastInteraction } from "./recompute-last-interaction";
import { getContact } from "./get-contact";
import type { ContactDetail } from "./contact-dto";
import type { MergeSnapshot } from "./merge-contacts";

/**
 * Reverses a merge: the merged contact comes back with the identities, notes, files, interaction
 * links and tags it brought, and survivor fields it filled are cleared again. The audit row
 * stays (marked undone). Items the user changed since (e.g. a deleted note) stay changed.
 */
export async function undoMerge(
  ctx: Ctx,
  input: { mergeId: string },
): Promise<{ survivor: ContactDetail; restored: ContactDetail }> {
  const u = ctx.userId;
  return withUser(ctx, async (tx) => {
    const [m] = await tx
      .select()
      .from(contactMerges)
      .where(and(eq(contactMerges.userId, u), eq(contactMerges.id, input.mergeId)));
    if (!m) throw new AppError("not_found", "merge not found");
    const s = m.snapshot as MergeSnapshot;
    if (s.undoneAt) throw new AppError("conflict", "merge already undone");
    const [merged] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.userId, u), eq(contacts.id, m.mergedId)));
    if (!merged || merged.mergedIntoId !== m.survivorId)
      throw new AppError("gone", "the merged contact no longer exists (purged after 30 days)");
    if (s.identityIds.length)
      await tx
        .update(contactIdentities)
        .set({ contactId: m.mergedId })
        .where(and(eq(contactIdentities.userId, u), inArray(contactIdentities.id, s.identityIds)));
    await tx.execute(sql`UPDATE contact_identities SET is_primary = true WHERE id IN (
      SELECT DISTINCT ON (contact_id, kind) id FROM contact_identities
      WHERE contact_id IN (${m.mergedId}::uuid, ${m.survivorId}::uuid) AND user_id = ${u}
        AND (contact_id, kind) NOT IN (SELECT contact_id, kind FROM contact_identities
          WHERE contact_id IN (${m.mergedId}::uuid, ${m.survivorId}::uuid) AND is_primary)
      ORDER BY contact_id, kind, created_at)`);
    if (s.noteIds.length)
      await tx
        .update(notes)
        .set({ contactId: m.mergedId })
        .where(and(eq(notes.userId, u), eq(notes.contactId, m.survivorId), inArray(notes.id, s.noteIds)));
    if (s.fileIds?.length)
      await tx
        .update(clientFiles)
        .set({ contactId: m.mergedId })
        .where(
          and(
            eq(clientFiles.userId, u),
            eq(clientFiles.contactId, m.survivorId),
            inArray(clientFiles.id, s.fileIds),
          ),
        );
    if (s.interactionIds.length)
      await tx.execute(sql`INSERT INTO interaction_contacts (user_id, interaction_id, contact_id, occurred_at)
        SELECT ${u}, i.id, ${m.mergedId}, i.occurred_at FROM interactions i
        WHERE i.user_id = ${u} AND i.id IN (${sql.join(
          s.interactionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) ON CONFLICT DO NOTHING`);
    if (s.addedInteractionIds.length)
      await tx
        .delete(interactionContacts)
        .where(
          and(
            eq(interactionContacts.userId, u),
            eq(interactionContacts.contactId, m.survivorId),
            inArray(interactionContacts.interactionId, s.addedInteractionIds),
          ),
        );
    if (s.tagIds.length)
      await tx
        .insert(contactTags)
        .values(s.tagIds.map((tagId) => ({ userId: u, contactId: m.mergedId, tagId })))
        .onConflictDoNothing();
    if (s.addedTagIds.length)
      await tx
        .delete(contactTags)
        .where(
          and(
            eq(contactTags.userId, u),
            eq(contactTags.contactId, m.survivorId),
            inArray(contactTags.tagId, s.addedTagIds),
          ),
        );
    const now = new Date();
    await tx
      .update(contacts)
      .set({ ...s.filled, updatedAt: now })
      .where(and(eq(contacts.userId, u), eq(contacts.id, m.survivorId)));
    await tx
      .update(contacts)
      .set({ deletedAt: null, mergedIntoId: null, updatedAt: now })
      .where(and(eq(contacts.userId, u), eq(contacts.id, m.mergedId)));
    await recomputeLastInteraction(tx, u, [m.survivorId, m.mergedId]);
    await tx
      .update(contactMerges)
      .set({ snapshot: { ...s, undoneAt: now.toISOString() } })
      .where(and(eq(contactMerges.userId, u), eq(contactMerges.id, m.id)));
    return {
      survivor: await getContact({ ...ctx, tx }, { id: m.survivorId }),
      restored: await getContact({ ...ctx, tx }, { id: m.mergedId }),
    };
  });
}
