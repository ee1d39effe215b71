import { userRoute } from "@/server/http/route";
import { aiUsageContract } from "@/server/ai/contracts";
import { getAiUsage } from "@/server/ai/get-ai-usage";

export const dynamic = "force-dynamic";

export const GET = userRoute(aiUsageContract, async ({ ctx }) => getAiUsage(ctx));
