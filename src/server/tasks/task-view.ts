import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { taskContacts, tasks } from "../db/schema/followups";
import { dueToApi } from "./due";
import type { TaskView } from "./schemas";

type TaskRow = typeof tasks.$inferSelect;

/** API views of task rows (with their live contacts), in the order given. */
export async function taskViews(
  tx: Tx,
  userId: string,
  rows: TaskRow[],
  now = new Date(),
): Promise<TaskView[]> {
  if (!rows.length) return [];
  const links = await tx
    .select({ taskId: taskContacts.taskId, id: contacts.id, displayName: contacts.displayName })
    .from(taskContacts)
    .innerJoin(contacts, eq(contacts.id, taskContacts.contactId))
    .where(
      and(
        eq(taskContacts.userId, userId),
        inArray(
          taskContacts.taskId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const byTask = new Map<string, { id: string; displayName: string }[]>();
  for (const l of links) {
    const list = byTask.get(l.taskId) ?? [];
    list.push({ id: l.id, displayName: l.displayName });
    byTask.set(l.taskId, list);
  }
  return rows.map((r) => {
    const cs = (byTask.get(r.id) ?? []).sort((a, b) => a.displayName.localeCompare(b.displayName));
    const snoozeOver = r.status === "snoozed" && (!r.snoozedUntil || r.snoozedUntil <= now);
    return {
      id: r.id,
      title: r.title,
      notes: r.notes,
      due: dueToApi(r.dueOn, r.dueAt),
      dueDate: r.dueOn,
      status: snoozeOver ? "open" : r.status,
      snoozedUntil: snoozeOver ? null : (r.snoozedUntil?.toISOString() ?? null),
      priority: r.priority,
      source: r.source,
      sourceRef: r.sourceRef,
      rrule: r.rrule,
      contactIds: cs.map((c) => c.id),
      contacts: cs,
      completedAt: r.completedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
