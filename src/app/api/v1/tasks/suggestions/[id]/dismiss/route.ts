import { dismissTaskSuggestionContract } from "@/server/http/contracts/tasks";
import { userRoute } from "@/server/http/route";
import { dismissTaskSuggestion } from "@/server/promises/dismiss-task-suggestion";

export const dynamic = "force-dynamic";

export const POST = userRoute(dismissTaskSuggestionContract, ({ ctx, params }) =>
  dismissTaskSuggestion(ctx, params.id),
);
