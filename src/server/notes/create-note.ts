import type { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { notes } from "../db/schema/contacts";
import { enqueueEmbeds } from "../ai/jobs/enqueue-ai-jobs";
import { enqueuePromiseScans } from "../promises/enqueue-promise-scans";
import { requireContact } from "../contacts/require-contact";
import { noteView, prepareNoteBody } from "./note-view";
import { createNoteInput, type NoteView } from "./schemas";

type CreateNoteInput = { contactId: string } & z.input<typeof createNoteInput>;

/**
 * Creates a note (redacted as asked, embedded by a job that commits with it). Inside a
 * caller's transaction (`{ ...ctx, tx }`, e.g. an assistant proposal being applied) it
 * commits or rolls back with the caller's writes.
 */
export async function createNote(ctx: Ctx, input: CreateNoteInput): Promise<NoteView> {
  const p = createNoteInput.parse(input);
  return withUser(ctx, async (tx) => {
    await requireContact(tx, ctx.userId, input.contactId, { deleted: false });
    const { text, redactions } = await prepareNoteBody(tx, ctx.userId, p.body, p.redact);
    const [n] = await tx
      .insert(notes)
      .values({ userId: ctx.userId, contactId: input.contactId, body: text, pinned: p.pinned ?? false })
      .returning();
    // Searchable by meaning too; the job commits with the note.
    await enqueueEmbeds({ ...ctx, tx }, "note", [n!.id]);
    // Promises in it ("I'll send the PDF by Friday") become suggested tasks (AI only).
    await enqueuePromiseScans({ ...ctx, tx }, "note", [n!.id]);
    return noteView(n!, redactions);
  });
}
