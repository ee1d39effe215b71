import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { notes } from "../db/schema/contacts";
import { requireContact } from "../contacts/require-contact";
import { noteView } from "./note-view";
import type { NoteView } from "./schemas";

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
    return { items: rows.map((r) => noteView(r)) };
  });
}
