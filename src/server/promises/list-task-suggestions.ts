import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { isAiConfigured } from "../ai/provider";
import { taskSuggestions } from "../db/schema/task-suggestions";
import { withUser } from "../db/with-user";
import type { TaskSuggestionList } from "./schemas";
import { suggestionViews } from "./suggestion-view";

export const PROMISES_HINT =
  "Promises in your mail and notes are found with AI. Set AI_PROVIDER and AI_API_KEY (see docs/ai.md) to turn it on.";

/** Suggested tasks waiting for the user (newest first), and whether scanning is on at all. */
export async function listTaskSuggestions(ctx: Ctx): Promise<TaskSuggestionList> {
  const rows = await withUser(ctx, (tx) =>
    tx
      .select()
      .from(taskSuggestions)
      .where(and(eq(taskSuggestions.userId, ctx.userId), eq(taskSuggestions.status, "suggested")))
      .orderBy(desc(taskSuggestions.createdAt), desc(taskSuggestions.id))
      .limit(100)
      .then((r) => suggestionViews(tx, ctx.userId, r)),
  );
  const aiConfigured = isAiConfigured();
  return { aiConfigured, hint: aiConfigured ? null : PROMISES_HINT, items: rows };
}
