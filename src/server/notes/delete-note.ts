import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { notes } from "../db/schema/contacts";
import { requireNote } from "./note-view";

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
