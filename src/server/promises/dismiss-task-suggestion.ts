import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { claimSuggestion } from "./claim-suggestion";
import type { TaskSuggestionView } from "./schemas";
import { suggestionViews } from "./suggestion-view";

/** Dismisses a suggested task; the same promise is not suggested again. */
export async function dismissTaskSuggestion(ctx: Ctx, id: string): Promise<TaskSuggestionView> {
  return withUser(ctx, async (tx) => {
    const s = await claimSuggestion(tx, ctx.userId, id, "dismissed");
    const [view] = await suggestionViews(tx, ctx.userId, [s]);
    return view!;
  });
}
