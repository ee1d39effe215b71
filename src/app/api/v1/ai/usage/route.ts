import { userRoute } from "@/server/http/route";
import { aiUsageContract } from "@/server/http/contracts/ai";
import { getAiUsage } from "@/server/ai/get-ai-usage";

export const dynamic = "force-dynamic";

export const GET = userRoute(aiUsageContract, async ({ ctx }) => getAiUsage(ctx));
