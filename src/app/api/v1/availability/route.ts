import { getAvailability } from "@/server/booking/get-availability";
import { updateAvailability } from "@/server/booking/update-availability";
import { getAvailabilityContract, putAvailabilityContract } from "@/server/http/contracts/booking";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(getAvailabilityContract, ({ ctx }) => getAvailability(ctx));

export const PUT = userRoute(putAvailabilityContract, ({ ctx, body }) => updateAvailability(ctx, body));
