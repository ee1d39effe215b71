import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import type { taskSuggestions } from "../db/schema/task-suggestions";
import { dueToApi } from "../tasks/due";
import type { TaskSuggestionView } from "./schemas";

type Row = typeof taskSuggestions.$inferSelect;

/** Rows → the API shape, with each contact's name and a link to where the promise was written. */
export async function suggestionViews(tx: Tx, userId: string, rows: Row[]): Promise<TaskSuggestionView[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
  const named = ids.length
    ? await tx
        .select({ id: contacts.id, displayName: contacts.displayName })
        .from(contacts)
        .where(and(eq(contacts.userId, userId), inArray(contacts.id, ids)))
    : [];
  const byId = new Map(named.map((c) => [c.id, c]));
  return rows.map((r) => {
    const contact = r.contactId ? (byId.get(r.contactId) ?? null) : null;
    const [kind, refId] = r.sourceRef.split(":");
    return {
      id: r.id,
      title: r.title,
      due: dueToApi(r.dueOn, r.dueAt),
      source: r.source,
      sourceRef: r.sourceRef,
      sourceHref: contact
        ? `/contacts/${contact.id}${kind === "interaction" ? `?interaction=${refId}` : ""}`
        : null,
      quote: r.quote,
      contact,
      status: r.status,
      taskId: r.taskId,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
