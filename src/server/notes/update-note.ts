import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { notes } from "../db/schema/contacts";
import { enqueueEmbeds } from "../ai/jobs/enqueue-ai-jobs";
import { enqueuePromiseScans } from "../promises/enqueue-promise-scans";
import { noteView, prepareNoteBody, requireNote, type NoteRow } from "./note-view";
import { updateNoteInput, type NoteView } from "./schemas";

export async function updateNote(
  ctx: Ctx,
  input: { id: string; patch: z.input<typeof updateNoteInput> },
): Promise<NoteView> {
  const p = updateNoteInput.parse(input.patch);
  return withUser(ctx, async (tx) => {
    await requireNote(tx, ctx.userId, input.id);
    const set: Partial<NoteRow> = { updatedAt: new Date() };
    let redactions = 0;
    if (p.body !== undefined) {
      const r = await prepareNoteBody(tx, ctx.userId, p.body, p.redact);
      set.body = r.text;
      redactions = r.redactions;
    }
    if (p.pinned !== undefined) set.pinned = p.pinned;
    const [n] = await tx
      .update(notes)
      .set(set)
      .where(and(eq(notes.userId, ctx.userId), eq(notes.id, input.id)))
      .returning();
    if (set.body !== undefined) {
      await enqueueEmbeds({ ...ctx, tx }, "note", [n!.id]);
      await enqueuePromiseScans({ ...ctx, tx }, "note", [n!.id]);
    }
    return noteView(n!, redactions);
  });
}
