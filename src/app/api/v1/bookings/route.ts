import { createBooking } from "@/server/booking/create-booking";
import { listBookings } from "@/server/booking/list-bookings";
import { createBookingContract, listBookingsContract } from "@/server/http/contracts/booking";
import { ok } from "@/server/http/responses";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(listBookingsContract, ({ ctx, query }) => listBookings(ctx, query));

export const POST = userRoute(createBookingContract, async ({ ctx, body }) =>
  ok(await createBooking(ctx, body), { status: 201 }),
);
