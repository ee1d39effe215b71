import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { tasks } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";

export async function deleteTask(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  return withUser(ctx, async (tx) => {
    const r = await tx
      .delete(tasks)
      .where(and(eq(tasks.userId, ctx.userId), eq(tasks.id, input.id)))
      .returning({ id: tasks.id });
    if (!r.length) throw new AppError("not_found", "No such task");
    return { id: input.id };
  });
}
