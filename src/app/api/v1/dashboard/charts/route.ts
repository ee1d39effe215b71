import { dashboardChartsContract } from "@/server/http/contracts/charts";
import { userRoute } from "@/server/http/route";
import { getDashboardCharts } from "@/server/dashboard/get-dashboard-charts";

export const dynamic = "force-dynamic";

export const GET = userRoute(dashboardChartsContract, ({ ctx }) => getDashboardCharts(ctx));
