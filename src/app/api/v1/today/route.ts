import { todayContract } from "@/server/http/contracts/followups";
import { userRoute } from "@/server/http/route";
import { getToday } from "@/server/today/get-today";

export const dynamic = "force-dynamic";

export const GET = userRoute(todayContract, ({ ctx }) => getToday(ctx));
