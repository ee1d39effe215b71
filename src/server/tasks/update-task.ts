import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { taskContacts, tasks } from "../db/schema/followups";
import { withUser, type Tx } from "../db/with-user";
import { AppError } from "../errors";
import { DATE_RE, localToday, startOfLocalDay } from "../followups/local-time";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { toStoredDue } from "./due";
import { findTaskRow } from "./get-task";
import { nextOccurrence } from "./recurrence";
import { updateTaskInput, type TaskView, type UpdateTaskInput } from "./schemas";
import { setTaskContacts } from "./task-contacts";
import { taskViews } from "./task-view";

type TaskRow = typeof tasks.$inferSelect;

/**
 * Edits a task. `status: "done"` on a recurring task also creates its next occurrence
 * (once: a second completion or a retried request finds the occurrence already there).
 */
export async function updateTask(ctx: Ctx, input: { id: string; patch: UpdateTaskInput }): Promise<TaskView> {
  const patch = updateTaskInput.parse(input.patch);
  return withUser(ctx, async (tx) => {
    const tz = await getUserTimeZone({ ...ctx, tx });
    const row = await findTaskRow(tx, ctx.userId, input.id, true);
    const now = new Date();
    const set: Partial<typeof tasks.$inferInsert> = { updatedAt: now };
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.notes !== undefined) set.notes = patch.notes;
    if (patch.priority !== undefined) set.priority = patch.priority;
    if (patch.rrule !== undefined) set.rrule = patch.rrule;
    if (patch.due !== undefined) Object.assign(set, toStoredDue(patch.due, tz));
    const status = patch.status ?? (patch.snoozedUntil ? "snoozed" : undefined);
    if (status === "snoozed") {
      if (!patch.snoozedUntil)
        throw new AppError("invalid_body", "snoozedUntil is required to snooze", {
          fields: { snoozedUntil: ["Required to snooze"] },
        });
      set.status = "snoozed";
      set.snoozedUntil = DATE_RE.test(patch.snoozedUntil)
        ? startOfLocalDay(patch.snoozedUntil, tz)
        : new Date(toStoredDue(patch.snoozedUntil, tz).dueAt!);
      set.completedAt = null;
    } else if (status === "open") {
      Object.assign(set, { status: "open", snoozedUntil: null, completedAt: null });
    } else if (status === "done") {
      Object.assign(set, { status: "done", snoozedUntil: null, completedAt: row.completedAt ?? now });
    }
    const [updated] = await tx
      .update(tasks)
      .set(set)
      .where(and(eq(tasks.userId, ctx.userId), eq(tasks.id, row.id)))
      .returning();
    if (patch.contactIds !== undefined) await setTaskContacts(tx, ctx.userId, row.id, patch.contactIds);
    if (status === "done" && row.status !== "done" && updated!.rrule)
      await createNextOccurrence(tx, ctx.userId, updated!, tz);
    const [view] = await taskViews(tx, ctx.userId, [updated!]);
    return view!;
  });
}

async function createNextOccurrence(tx: Tx, userId: string, row: TaskRow, tz: string): Promise<void> {
  const from = row.dueOn
    ? { dueOn: row.dueOn, dueAt: row.dueAt, sortKey: row.sortKey }
    : { dueOn: localToday(tz), dueAt: null, sortKey: localToday(tz) };
  const next = nextOccurrence(row.rrule!, from, tz);
  if (!next) return;
  const seriesId = row.seriesId ?? row.id;
  if (!row.seriesId) await tx.update(tasks).set({ seriesId }).where(eq(tasks.id, row.id));
  const [created] = await tx
    .insert(tasks)
    .values({
      userId,
      title: row.title,
      notes: row.notes,
      ...next,
      priority: row.priority,
      source: row.source,
      sourceRef: row.sourceRef,
      rrule: row.rrule,
      seriesId,
    })
    .onConflictDoNothing()
    .returning({ id: tasks.id });
  if (!created) return;
  const links = await tx
    .select({ contactId: taskContacts.contactId })
    .from(taskContacts)
    .where(and(eq(taskContacts.userId, userId), eq(taskContacts.taskId, row.id)));
  if (links.length)
    await tx
      .insert(taskContacts)
      .values(links.map((l) => ({ taskId: created.id, contactId: l.contactId, userId })));
}
