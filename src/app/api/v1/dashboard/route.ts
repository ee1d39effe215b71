import { userRoute } from "@/server/http/route";
import { dashboardContract } from "@/server/http/contracts/lifecycle";
import { getDashboard } from "@/server/dashboard/get-dashboard";

export const dynamic = "force-dynamic";

export const GET = userRoute(dashboardContract, ({ ctx }) => getDashboard(ctx));
