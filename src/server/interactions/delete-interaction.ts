import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { interactionContacts, interactions } from "../db/schema/interactions";
import { AppError } from "../errors";
import { recomputeLastInteraction } from "../contacts/recompute-last-interaction";

/**
 * Deletes a hand-logged interaction. Imported ones are removed by undoing their batch
 * (deleting them here would be re-created by the next sync), so they answer 409.
 */
export async function deleteInteraction(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  const userId = ctx.userId;
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select({ source: interactions.source })
      .from(interactions)
      .where(and(eq(interactions.userId, userId), eq(interactions.id, input.id)));
    if (!row) throw new AppError("not_found", "interaction not found");
    if (row.source !== "manual")
      throw new AppError("conflict", "imported interactions are removed by undoing their import");
    const links = await tx
      .select({ c: interactionContacts.contactId })
      .from(interactionContacts)
      .where(and(eq(interactionContacts.userId, userId), eq(interactionContacts.interactionId, input.id)));
    await tx.delete(interactions).where(and(eq(interactions.userId, userId), eq(interactions.id, input.id)));
    await recomputeLastInteraction(
      tx,
      userId,
      links.map((l) => l.c),
    );
    return { id: input.id };
  });
}
