import { listBusyCalendars } from "@/server/booking/list-busy-calendars";
import { listBusyCalendarsContract } from "@/server/http/contracts/booking";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(listBusyCalendarsContract, ({ ctx }) => listBusyCalendars(ctx));
