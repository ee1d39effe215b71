import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { noteView, requireNote } from "./note-view";
import type { NoteView } from "./schemas";

export async function getNote(ctx: Ctx, input: { id: string }): Promise<NoteView> {
  return withUser(ctx, async (tx) => noteView(await requireNote(tx, ctx.userId, input.id)));
}
