import { userRoute } from "@/server/http/route";
import { dashboardContract } from "@/server/http/contracts/lifecycle";
import { getDashboard } from "@/server/lifecycle/dashboard-summary";

export const dynamic = "force-dynamic";

export const GET = userRoute(dashboardContract, ({ ctx }) => getDashboard(ctx));
