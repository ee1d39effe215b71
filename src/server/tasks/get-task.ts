import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { tasks } from "../db/schema/followups";
import { withUser, type Tx } from "../db/with-user";
import { AppError } from "../errors";
import type { TaskView } from "./schemas";
import { taskViews } from "./task-view";

export async function findTaskRow(tx: Tx, userId: string, id: string, lock = false) {
  const q = tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.userId, userId), eq(tasks.id, id)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw new AppError("not_found", "No such task");
  return row;
}

export async function getTask(ctx: Ctx, input: { id: string }): Promise<TaskView> {
  return withUser(ctx, async (tx) => {
    const [view] = await taskViews(tx, ctx.userId, [await findTaskRow(tx, ctx.userId, input.id)]);
    return view!;
  });
}
