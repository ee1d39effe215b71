import { userRoute } from "@/server/http/route";
import { todayBriefContract } from "@/server/http/contracts/ai";
import { getTodayBrief } from "@/server/ai/insights/today-brief";

export const dynamic = "force-dynamic";

export const GET = userRoute(todayBriefContract, ({ ctx }) => getTodayBrief(ctx));
