import { listTaskSuggestionsContract } from "@/server/http/contracts/tasks";
import { userRoute } from "@/server/http/route";
import { listTaskSuggestions } from "@/server/promises/list-task-suggestions";

export const dynamic = "force-dynamic";

export const GET = userRoute(listTaskSuggestionsContract, ({ ctx }) => listTaskSuggestions(ctx));
