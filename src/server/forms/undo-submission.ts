import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { updateContact } from "../contacts/update-contact";
import { contacts, notes } from "../db/schema/contacts";
import { formLinks, formSubmissions } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { AppError, isAppError } from "../errors";
import { deleteClientFile } from "../files/delete-client-file";
import type { Applied } from "./approve-submission";
import type { SubmissionDto } from "./schemas";
import { requireSubmission, toSubmissionDto } from "./submission-view";

/**
 * Reverts an approve: a contact it created is removed, an existing contact gets back the
 * fields, emails, phones and health context it had, the note and the PDF copy in its files
 * go; the submission is pending
 * again. The consent record stays as it was signed (it belongs to the submission, not to
 * the contact), and shows on a contact again once the submission is re-approved.
 */
export async function undoSubmission(ctx: Ctx, input: { id: string }): Promise<SubmissionDto> {
  return withUser(ctx, async (tx) => {
    const u = ctx.userId;
    const sub = await requireSubmission(tx, u, input.id, true);
    if (sub.status !== "approved" || !sub.applied)
      throw new AppError("conflict", "This submission is not approved");
    const a = sub.applied as unknown as Applied;
    // The PDF copy first (its row; the object goes after): the practitioner may have deleted it already.
    if (a.fileId)
      await deleteClientFile({ ...ctx, tx }, { id: a.fileId }).catch((e: unknown) => {
        if (!(isAppError(e) && e.code === "not_found")) throw e;
      });
    if (a.noteId) {
      await tx.execute(
        sql`DELETE FROM embeddings WHERE user_id = ${u} AND owner_type = 'note' AND owner_id = ${a.noteId}`,
      );
      await tx.delete(notes).where(and(eq(notes.userId, u), eq(notes.id, a.noteId)));
    }
    if (a.createdContact) {
      await tx.execute(
        sql`DELETE FROM embeddings WHERE user_id = ${u} AND owner_type = 'contact' AND owner_id = ${a.contactId}`,
      );
      await tx.delete(contacts).where(and(eq(contacts.userId, u), eq(contacts.id, a.contactId)));
    } else if (a.before) {
      const b = a.before;
      const [live] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.userId, u), eq(contacts.id, a.contactId)));
      if (live) {
        await updateContact(
          { ...ctx, tx },
          {
            id: a.contactId,
            patch: {
              displayName: b.displayName,
              birthday: b.birthday,
              address: b.address,
              referralSource: b.referralSource,
              emails: b.emails,
              phones: b.phones,
            },
          },
        );
        // The ciphertext approve found, put back as it was.
        await tx
          .update(contacts)
          .set({ healthContextEnc: b.healthContextEnc })
          .where(and(eq(contacts.userId, u), eq(contacts.id, a.contactId)));
      }
    }
    let linkContact: string | null = null;
    if (sub.linkId) {
      const [l] = await tx
        .select({ contactId: formLinks.contactId })
        .from(formLinks)
        .where(and(eq(formLinks.userId, u), eq(formLinks.id, sub.linkId)));
      linkContact = l?.contactId ?? null;
    }
    const [row] = await tx
      .update(formSubmissions)
      .set({
        status: "pending",
        applied: null,
        contactId: linkContact,
        approvedAt: null,
        updatedAt: new Date(),
      })
      .where(and(eq(formSubmissions.userId, u), eq(formSubmissions.id, sub.id)))
      .returning();
    return toSubmissionDto(tx, u, row!);
  });
}
