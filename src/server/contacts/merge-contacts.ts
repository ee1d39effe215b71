import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contactIdentities, contactMerges, contacts, contactTags, notes } from "../db/schema/contacts";
import { interactionContacts } from "../db/schema/interactions";
import { clientFiles } from "../db/schema/files";
import { AppError } from "../errors";
import { requireContact } from "./require-contact";
import { recomputeLastInteraction } from "./recompute-last-interaction";
import { getContact } from "./get-contact";
import type { ContactDetail } from "./contact-dto";

export const mergeContactsInput = z.object({ survivorId: z.uuid(), mergedId: z.uuid() });

/** Fields the survivor inherits from the merged contact when its own are empty. */
export const FILLABLE = [
  "birthday",
  "address",
  "referralSource",
  "communicationPreference",
  "preferredSessionTimes",
  "healthContextEnc",
  "avatarPath",
] as const;

/** What a merge moved, stored on contact_merges.snapshot so it can be undone exactly. */
export type MergeSnapshot = {
  version: 1;
  merged: Record<string, unknown>;
  identityIds: string[];
  noteIds: string[];
  /** Interactions the merged contact was linked to (re-linked to it on undo). */
  interactionIds: string[];
  /** Of those, the ones the survivor was not already linked to (unlinked from it on undo). */
  addedInteractionIds: string[];
  tagIds: string[];
  addedTagIds: string[];
  /** Client files moved to the survivor (absent in snapshots made before files existed). */
  fileIds?: string[];
  filled: Record<string, unknown>;
  undoneAt?: string;
};

/**
 * Merges `mergedId` into `survivorId` in one transaction: identities, notes, files, interaction
 * links and tags move to the survivor, empty survivor fields are filled, and the merged
 * contact is soft-deleted with merged_into_id set. Reversible via undoMerge.
 */
export async function mergeContacts(
  ctx: Ctx,
  raw: z.input<typeof mergeContactsInput>,
): Promise<{ mergeId: string; survivor: ContactDetail }> {
  const { survivorId, mergedId } = mergeContactsInput.parse(raw);
  if (survivorId === mergedId)
    throw new AppError("invalid_body", "cannot merge a contact into itself", {
      fields: { mergedId: ["same as survivorId"] },
    });
  const u = ctx.userId;
  return withUser(ctx, async (tx) => {
    const survivor = await requireContact(tx, u, survivorId, { deleted: false });
    const merged = await requireContact(tx, u, mergedId, { deleted: false });
    const identityIds = (
      await tx
        .update(contactIdentities)
        .set({ contactId: survivorId, isPrimary: false })
        .where(and(eq(contactIdentities.userId, u), eq(contactIdentities.contactId, mergedId)))
        .returning({ id: contactIdentities.id })
    ).map((r) => r.id);
    // The survivor must still have a primary of each kind (it may have had none).
    await tx.execute(sql`UPDATE contact_identities SET is_primary = true WHERE id IN (
      SELECT DISTINCT ON (kind) id FROM contact_identities WHERE contact_id = ${survivorId} AND user_id = ${u}
        AND kind NOT IN (SELECT kind FROM contact_identities WHERE contact_id = ${survivorId} AND is_primary)
      ORDER BY kind, created_at)`);
    const noteIds = (
      await tx
        .update(notes)
        .set({ contactId: survivorId })
        .where(and(eq(notes.userId, u), eq(notes.contactId, mergedId)))
        .returning({ id: notes.id })
    ).map((r) => r.id);
    // Files move too: left on the soft-deleted contact they would be purged with it.
    const fileIds = (
      await tx
        .update(clientFiles)
        .set({ contactId: survivorId })
        .where(and(eq(clientFiles.userId, u), eq(clientFiles.contactId, mergedId)))
        .returning({ id: clientFiles.id })
    ).map((r) => r.id);
    const links = await tx
      .delete(interactionContacts)
      .where(and(eq(interactionContacts.userId, u), eq(interactionContacts.contactId, mergedId)))
      .returning();
    const added = links.length
      ? await tx
          .insert(interactionContacts)
          .values(links.map((l) => ({ ...l, contactId: survivorId })))
          .onConflictDoNothing()
          .returning({ id: interactionContacts.interactionId })
      : [];
    const tagRows = await tx
      .delete(contactTags)
      .where(and(eq(contactTags.userId, u), eq(contactTags.contactId, mergedId)))
      .returning({ tagId: contactTags.tagId });
    const addedTags = tagRows.length
      ? await tx
          .insert(contactTags)
          .values(tagRows.map((t) => ({ userId: u, contactId: survivorId, tagId: t.tagId })))
          .onConflictDoNothing()
          .returning({ tagId: contactTags.tagId })
      : [];
    const filled: Record<string, unknown> = {};
    for (const f of FILLABLE) if (survivor[f] == null && merged[f] != null) filled[f] = merged[f];
    const now = new Date();
    await tx
      .update(contacts)
      .set({ ...filled, updatedAt: now })
      .where(and(eq(contacts.userId, u), eq(contacts.id, survivorId)));
    await tx
      .update(contacts)
      .set({ deletedAt: now, mergedIntoId: survivorId, updatedAt: now })
      .where(and(eq(contacts.userId, u), eq(contacts.id, mergedId)));
    await recomputeLastInteraction(tx, u, [survivorId, mergedId]);
    const snapshot: MergeSnapshot = {
      version: 1,
      merged: { ...merged, healthContextEnc: merged.healthContextEnc ? "[encrypted, kept on row]" : null },
      identityIds,
      noteIds,
      interactionIds: links.map((l) => l.interactionId),
      addedInteractionIds: added.map((a) => a.id),
      tagIds: tagRows.map((t) => t.tagId),
      addedTagIds: addedTags.map((t) => t.tagId),
      fileIds,
      filled: Object.fromEntries(Object.keys(filled).map((k) => [k, null])),
    };
    const [m] = await tx
      .insert(contactMerges)
      .values({ userId: u, survivorId, mergedId, snapshot })
      .returning({ id: contactMerges.id });
    ctx.log.info({ mergeId: m!.id, survivorId, mergedId }, "contacts merged");
    return { mergeId: m!.id, survivor: await getContact({ ...ctx, tx }, { id: survivorId }) };
  });
}
