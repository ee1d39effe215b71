import { userRoute } from "@/server/http/route";
import { listAtRiskContract } from "@/server/http/contracts/lifecycle";
import { listAtRisk } from "@/server/lifecycle/at-risk";

export const dynamic = "force-dynamic";

export const GET = userRoute(listAtRiskContract, ({ ctx }) => listAtRisk(ctx));
