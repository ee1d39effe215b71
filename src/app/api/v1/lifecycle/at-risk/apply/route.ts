import { userRoute } from "@/server/http/route";
import { applyAtRiskContract } from "@/server/http/contracts/lifecycle";
import { applyAtRisk } from "@/server/lifecycle/at-risk";

export const dynamic = "force-dynamic";

export const POST = userRoute(applyAtRiskContract, ({ ctx, body }) => applyAtRisk(ctx, body ?? {}));
