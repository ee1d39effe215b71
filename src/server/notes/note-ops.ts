import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { withUser, type Tx } from "../db/with-user";
import { notes } from "../db/schema/contacts";
import { AppError } from "../errors";
import { enqueueEmbeds } from "../ai/jobs/enqueue-ai-jobs";
import { requireContact } from "../contacts/contact-helpers";
import { readCrmSettings } from "../lifecycle/settings";
import { redactSensitive } from "./redact";
import { createNoteInput, updateNoteInput, type NoteView } from "./schemas";

type NoteRow = typeof notes.$inferSelect;
const view = (n: NoteRow, redactions = 0): NoteView => ({
  id: n.id,
  contactId: n.contactId,
  body: n.body,
  pinned: n.pinned,
  redactions,
  createdAt: n.createdAt.toISOString(),
  updatedAt: n.updatedAt.toISOString(),
});

async function prepareBody(tx: Tx, userId: string, body: string, redact: boolean | undefined) {
  const on = redact ?? (await readCrmSettings(tx, userId)).redactNotes;
  return on ? redactSensitive(body) : { text: body, redactions: 0 };
}

async function requireNote(tx: Tx, userId: string, id: string): Promise<NoteRow> {
  const [n] = await tx
    .select()
    .from(notes)
    .where(and(eq(notes.userId, userId), eq(notes.id, id)));
  if (!n) throw new AppError("not_found", "note not found");
  return n;
}

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
    const { text, redactions } = await prepareBody(tx, ctx.userId, p.body, p.redact);
    const [n] = await tx
      .insert(notes)
      .values({ userId: ctx.userId, contactId: input.contactId, body: text, pinned: p.pinned ?? false })
      .returning();
    // Searchable by meaning too; the job commits with the note.
    await enqueueEmbeds({ ...ctx, tx }, "note", [n!.id]);
    return view(n!, redactions);
  });
}

/** A contact's notes, pinned first then newest. */
export async function listNotes(ctx: Ctx, input: { contactId: string }): Promise<{ items: NoteView[] }> {
  return withUser(ctx, async (tx) => {
    await requireContact(tx, ctx.userId, input.contactId);
    const rows = await tx
      .select()
      .from(notes)
      .where(and(eq(notes.userId, ctx.userId), eq(notes.contactId, input.contactId)))
      .orderBy(desc(notes.pinned), desc(notes.createdAt))
      .limit(500);
    return { items: rows.map((r) => view(r)) };
  });
}

export async function getNote(ctx: Ctx, input: { id: string }): Promise<NoteView> {
  return withUser(ctx, async (tx) => view(await requireNote(tx, ctx.userId, input.id)));
}

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
      const r = await prepareBody(tx, ctx.userId, p.body, p.redact);
      set.body = r.text;
      redactions = r.redactions;
    }
    if (p.pinned !== undefined) set.pinned = p.pinned;
    const [n] = await tx
      .update(notes)
      .set(set)
      .where(and(eq(notes.userId, ctx.userId), eq(notes.id, input.id)))
      .returning();
    if (set.body !== undefined) await enqueueEmbeds({ ...ctx, tx }, "note", [n!.id]);
    return view(n!, redactions);
  });
}

export async function deleteNote(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  return withUser(ctx, async (tx) => {
    await requireNote(tx, ctx.userId, input.id);
    await tx.delete(notes).where(and(eq(notes.userId, ctx.userId), eq(notes.id, input.id)));
    // Its embeddings too: search must not find a deleted note's text by meaning.
    await tx.execute(sql`DELETE FROM embeddings WHERE user_id = ${ctx.userId} AND owner_type = 'note'
      AND owner_id = ${input.id}`);
    return { id: input.id };
  });
}
