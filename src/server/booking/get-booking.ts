import type { Ctx } from "../context";
import { AppError } from "../errors";
import { toBookingView } from "./booking-dto";
import { loadBooking } from "./load-booking";
import type { BookingView } from "./schemas";

export async function getBooking(ctx: Ctx, id: string): Promise<BookingView> {
  const b = await loadBooking(ctx, id);
  if (!b) throw new AppError("not_found", "No such booking");
  return toBookingView(b);
}
