import { acceptTaskSuggestionContract } from "@/server/http/contracts/tasks";
import { userRoute } from "@/server/http/route";
import { acceptTaskSuggestion } from "@/server/promises/accept-task-suggestion";

export const dynamic = "force-dynamic";

export const POST = userRoute(acceptTaskSuggestionContract, ({ ctx, params }) =>
  acceptTaskSuggestion(ctx, params.id),
);
