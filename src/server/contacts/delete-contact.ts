import { and, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { AppError } from "../errors";
import { requireContact } from "./require-contact";
import { RESTORE_WINDOW_DAYS } from "./constants";

export { RESTORE_WINDOW_DAYS };

/** Soft delete: the contact leaves lists and search but can be restored for 30 days. */
export async function deleteContact(
  ctx: Ctx,
  input: { id: string },
): Promise<{ id: string; deletedAt: string }> {
  return withUser(ctx, async (tx) => {
    const row = await requireContact(tx, ctx.userId, input.id);
    if (row.deletedAt) return { id: row.id, deletedAt: row.deletedAt.toISOString() };
    const now = new Date();
    await tx
      .update(contacts)
      .set({ deletedAt: now, updatedAt: now })
      .where(and(eq(contacts.userId, ctx.userId), eq(contacts.id, input.id)));
    return { id: row.id, deletedAt: now.toISOString() };
  });
}

/** Undo of a delete within the window; past it the contact is gone (410). */
export async function restoreContact(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  return withUser(ctx, async (tx) => {
    const row = await requireContact(tx, ctx.userId, input.id);
    if (!row.deletedAt) return { id: row.id };
    if (row.mergedIntoId)
      throw new AppError("conflict", "contact was merged; undo the merge instead", {
        mergedIntoId: row.mergedIntoId,
      });
    const restored = await tx
      .update(contacts)
      .set({ deletedAt: null, updatedAt: new Date() })
      .where(
        and(
          eq(contacts.userId, ctx.userId),
          eq(contacts.id, input.id),
          isNotNull(contacts.deletedAt),
          gte(contacts.deletedAt, sql`now() - make_interval(days => ${RESTORE_WINDOW_DAYS})`),
        ),
      )
      .returning({ id: contacts.id });
    if (!restored.length) throw new AppError("gone", "restore window has passed");
    return { id: row.id };
  });
}
