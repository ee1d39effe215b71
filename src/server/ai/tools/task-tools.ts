import { tool } from "ai";
import { z } from "zod";
import { getContact } from "../../contacts/get-contact";
import { listTasks } from "../../tasks/list-tasks";
import { getToday } from "../../today/get-today";
import { cite, contactHref, recordTool, type ToolEnv } from "./tool-env";

/**
 * Follow-up tools: thin adapters over the same operations as the routes (getToday,
 * listTasks; a confirmed propose_task runs createTask with source "assistant"), so the
 * assistant sees exactly what the Today and Tasks pages show.
 */
export function todayTool(env: ToolEnv) {
  return tool({
    description:
      "The user's day: open tasks due today or overdue, people due for contact under their keep-in-touch " +
      "rhythms, today's sessions, and upcoming birthdays and client anniversaries.",
    inputSchema: z.object({}),
    execute: (args) =>
      recordTool(env, "today", args, async () => {
        const t = await getToday(env.ctx);
        for (const d of t.dueContacts)
          cite(env, {
            type: "contact",
            id: d.contactId,
            title: d.displayName,
            href: contactHref(d.contactId),
          });
        return {
          result: {
            date: t.date,
            tasks: t.tasks.map((x) => ({ id: x.id, title: x.title, due: x.due, contacts: x.contacts })),
            dueContacts: t.dueContacts.map((d) => ({
              contactId: d.contactId,
              name: d.displayName,
              everyDays: d.everyDays,
              lastInteractionAt: d.lastInteractionAt,
              overdueDays: d.overdueDays,
            })),
            sessions: t.sessions.map((s) => ({
              startsAt: s.startsAt,
              contacts: s.contacts.map((c) => c.displayName),
            })),
            birthdays: t.birthdays,
          },
        };
      }),
  });
}

export function listTasksTool(env: ToolEnv) {
  return tool({
    description:
      "List the user's tasks, earliest due first (optionally only one contact's, or due before a date).",
    inputSchema: z.object({
      status: z.enum(["open", "done", "snoozed"]).default("open"),
      contactId: z.uuid().optional(),
      dueBefore: z.iso.date().optional(),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    execute: (args) =>
      recordTool(env, "list_tasks", args, async () => {
        const page = await listTasks(env.ctx, args);
        return {
          result: {
            tasks: page.items.map((x) => ({
              id: x.id,
              title: x.title,
              due: x.due,
              status: x.status,
              priority: x.priority,
              contacts: x.contacts,
            })),
            more: page.nextCursor !== null,
          },
        };
      }),
  });
}

export const proposeTaskArgs = z.object({
  title: z.string().trim().min(1).max(300),
  /** "YYYY-MM-DD", an ISO date-time, or words ("tomorrow 9am", "next Tuesday"). */
  due: z.string().max(80).optional(),
  notes: z.string().max(4000).optional(),
  contactIds: z.array(z.uuid()).max(5).optional(),
  priority: z.enum(["low", "normal", "high"]).optional(),
});
export type ProposeTaskArgs = z.infer<typeof proposeTaskArgs>;

export function proposeTaskTool(env: ToolEnv) {
  return tool({
    description:
      "Propose a task (a reminder to do something, optionally for contacts and with a due date). " +
      "The user must confirm it before it is saved.",
    inputSchema: proposeTaskArgs,
    execute: (args) =>
      recordTool(env, "propose_task", args, async () => {
        const names: string[] = [];
        for (const id of args.contactIds ?? []) {
          const c = await getContact(env.ctx, { id }).catch(() => null);
          if (!c) return { result: { error: "not_found", contactId: id } };
          names.push(c.displayName);
          cite(env, { type: "contact", id, title: c.displayName, href: contactHref(id) });
        }
        return {
          result: {
            proposed: "task",
            title: args.title,
            due: args.due ?? null,
            contactNames: names,
            note: "Awaiting the user's confirmation; nothing saved yet.",
          },
          status: "proposed",
        };
      }),
  });
}
