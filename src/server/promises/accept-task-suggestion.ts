import { and, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../context";
import { contacts } from "../db/schema/contacts";
import { taskSuggestions } from "../db/schema/task-suggestions";
import { withUser } from "../db/with-user";
import { createTask } from "../tasks/create-task";
import type { TaskView } from "../tasks/schemas";
import type { TaskSuggestionView } from "./schemas";
import { claimSuggestion } from "./claim-suggestion";
import { suggestionViews } from "./suggestion-view";

/**
 * Accepts a suggested task: it becomes a task (source `email` or `note`, `sourceRef` the
 * mail or note it came from, the quote as its notes) in the same transaction as the status
 * flip, which is conditional, so a double click creates one task.
 */
export async function acceptTaskSuggestion(
  ctx: Ctx,
  id: string,
): Promise<{ suggestion: TaskSuggestionView; task: TaskView }> {
  return withUser(ctx, async (tx) => {
    const s = await claimSuggestion(tx, ctx.userId, id, "accepted");
    const live = s.contactId
      ? await tx
          .select({ id: contacts.id })
          .from(contacts)
          .where(
            and(eq(contacts.userId, ctx.userId), eq(contacts.id, s.contactId), isNull(contacts.deletedAt)),
          )
      : [];
    const task = await createTask(
      { ...ctx, tx },
      { title: s.title, notes: s.quote ? `“${s.quote}”` : null, contactIds: live.map((c) => c.id) },
      {
        source: s.source,
        sourceRef: s.sourceRef,
        storedDue: { dueOn: s.dueOn, dueAt: s.dueAt, sortKey: s.sortKey },
      },
    );
    const [done] = await tx
      .update(taskSuggestions)
      .set({ taskId: task.id })
      .where(and(eq(taskSuggestions.userId, ctx.userId), eq(taskSuggestions.id, s.id)))
      .returning();
    const [suggestion] = await suggestionViews(tx, ctx.userId, [done!]);
    return { suggestion: suggestion!, task };
  });
}
