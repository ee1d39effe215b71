import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { outboxItems } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { outboxError } from "./outbox-error";

/**
 * DELETE: a draft (or a failed item) is discarded; an approved or scheduled item is
 * cancelled (its send job then finds nothing to send). Once sending started it is too late.
 */
export async function cancelOutboxItem(
  ctx: Ctx,
  input: { id: string },
): Promise<{ id: string; status: "cancelled" | "deleted" }> {
  return withUser(ctx, async (tx) => {
    const where = and(eq(outboxItems.userId, ctx.userId), eq(outboxItems.id, input.id));
    const [row] = await tx.select({ status: outboxItems.status }).from(outboxItems).where(where);
    if (!row) throw outboxError("not_found", "outbox item not found");
    if (row.status === "draft" || row.status === "failed" || row.status === "cancelled") {
      await tx.delete(outboxItems).where(where);
      return { id: input.id, status: "deleted" as const };
    }
    const [u] = await tx
      .update(outboxItems)
      .set({ status: "cancelled", updatedAt: new Date() })
      .where(and(where, inArray(outboxItems.status, ["approved", "scheduled"])))
      .returning({ id: outboxItems.id });
    if (!u) throw outboxError("conflict", `Too late to cancel: this email is ${row.status}.`);
    return { id: input.id, status: "cancelled" as const };
  });
}
