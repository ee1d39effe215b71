import { userRoute } from "@/server/http/route";
import { todayBriefContract } from "@/server/ai/contracts";
import { getTodayBrief } from "@/server/ai/insights/today-brief";

export const dynamic = "force-dynamic";

export const GET = userRoute(todayBriefContract, ({ ctx }) => getTodayBrief(ctx));
