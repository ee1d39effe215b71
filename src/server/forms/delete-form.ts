import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { forms } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { requireForm } from "./form-view";

/**
 * Deletes a form and its links (they stop working). Submissions and consent records stay:
 * they are what the client sent and signed, with the fields they saw.
 */
export async function deleteForm(ctx: Ctx, input: { id: string }): Promise<{ deleted: true }> {
  return withUser(ctx, async (tx) => {
    await requireForm(tx, ctx.userId, input.id);
    await tx.delete(forms).where(and(eq(forms.userId, ctx.userId), eq(forms.id, input.id)));
    return { deleted: true as const };
  });
}
