import type { Ctx } from "../context";
import { tasks, type TaskSource } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { toStoredDue, type StoredDue } from "./due";
import { createTaskInput, type CreateTaskInput, type TaskView } from "./schemas";
import { setTaskContacts } from "./task-contacts";
import { taskViews } from "./task-view";

export type TaskOrigin = { source?: TaskSource; sourceRef?: string | null; storedDue?: StoredDue };

/**
 * Creates a task. Routes create `manual` tasks; the assistant, rhythms and promise
 * suggestions pass their own source (and a reference to what the task came from).
 */
export async function createTask(ctx: Ctx, raw: CreateTaskInput, origin: TaskOrigin = {}): Promise<TaskView> {
  const input = createTaskInput.parse(raw);
  return withUser(ctx, async (tx) => {
    const tz = await getUserTimeZone({ ...ctx, tx });
    const due = origin.storedDue ?? toStoredDue(input.due, tz);
    const [row] = await tx
      .insert(tasks)
      .values({
        userId: ctx.userId,
        title: input.title,
        notes: input.notes ?? null,
        ...due,
        priority: input.priority ?? "normal",
        source: origin.source ?? "manual",
        sourceRef: origin.sourceRef ?? null,
        rrule: input.rrule ?? null,
      })
      .returning();
    if (input.contactIds?.length) await setTaskContacts(tx, ctx.userId, row!.id, input.contactIds);
    const [view] = await taskViews(tx, ctx.userId, [row!]);
    return view!;
  });
}
