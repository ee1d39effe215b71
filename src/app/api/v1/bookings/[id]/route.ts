import { getBooking } from "@/server/booking/get-booking";
import { updateBooking } from "@/server/booking/update-booking";
import { getBookingContract, updateBookingContract } from "@/server/http/contracts/booking";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(getBookingContract, ({ ctx, params }) => getBooking(ctx, params.id));

export const PATCH = userRoute(updateBookingContract, ({ ctx, params, body }) =>
  updateBooking(ctx, params.id, body),
);
