import { z } from "zod";
import { taskPriorities, taskSources, taskStatuses } from "../db/schema/followups";
import { dueSchema } from "./due";
import { rruleSchema } from "./recurrence";

export const taskSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  notes: z.string().nullable(),
  /** "YYYY-MM-DD" (a day) or an ISO instant (a time), null when not set. */
  due: z.string().nullable(),
  /** The local date the task is due on (in the user's zone), null when not set. */
  dueDate: z.string().nullable(),
  /** Effective status: a snooze that has run out reads as "open". */
  status: z.enum(taskStatuses),
  snoozedUntil: z.string().nullable(),
  priority: z.enum(taskPriorities),
  source: z.enum(taskSources),
  /** Where a task came from (e.g. "interaction:<id>", "note:<id>", "contact:<id>"). */
  sourceRef: z.string().nullable(),
  rrule: z.string().nullable(),
  contactIds: z.array(z.uuid()),
  contacts: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TaskView = z.infer<typeof taskSchema>;

const title = z.string().trim().min(1).max(300);
const notes = z.string().max(10_000).nullable();
const contactIds = z.array(z.uuid()).max(20);

export const createTaskInput = z.strictObject({
  title,
  due: dueSchema.nullable().optional(),
  notes: notes.optional(),
  contactIds: contactIds.optional(),
  priority: z.enum(taskPriorities).optional(),
  rrule: rruleSchema.nullable().optional(),
});
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const updateTaskInput = z.strictObject({
  title: title.optional(),
  due: dueSchema.nullable().optional(),
  notes: notes.optional(),
  contactIds: contactIds.optional(),
  priority: z.enum(taskPriorities).optional(),
  rrule: rruleSchema.nullable().optional(),
  status: z.enum(taskStatuses).optional(),
  /** With status "snoozed": until when (a date = the start of that local day, or an instant). */
  snoozedUntil: dueSchema.nullable().optional(),
});
export type UpdateTaskInput = z.input<typeof updateTaskInput>;

export const listTasksQuery = z.object({
  status: z.enum(taskStatuses).optional(),
  /** "YYYY-MM-DD" (due before that day) or an ISO date-time (due before that moment). */
  dueBefore: dueSchema.optional(),
  contactId: z.uuid().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListTasksQuery = z.input<typeof listTasksQuery>;

export const taskPageSchema = z.object({ items: z.array(taskSchema), nextCursor: z.string().nullable() });
export type TaskPage = z.infer<typeof taskPageSchema>;

export const quickAddInput = z.strictObject({
  text: z.string().trim().min(1).max(500),
  contactIds: contactIds.optional(),
});
