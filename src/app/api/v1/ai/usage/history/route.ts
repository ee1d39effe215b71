import { getAiUsageHistory } from "@/server/ai/get-ai-usage-history";
import { aiUsageHistoryContract } from "@/server/http/contracts/ai-usage-history";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(aiUsageHistoryContract, ({ ctx }) => getAiUsageHistory(ctx));
