import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookings } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { cancelBooking, rescheduleBooking } from "./change-booking";
import { getBooking } from "./get-booking";
import { updateBookingInput, type BookingView, type UpdateBookingInput } from "./schemas";

/** The practitioner edits a booking: note, move it (overlaps refused, hours not enforced) or cancel it. */
export async function updateBooking(ctx: Ctx, id: string, raw: UpdateBookingInput): Promise<BookingView> {
  const patch = updateBookingInput.parse(raw);
  if (patch.note !== undefined) {
    await getBooking(ctx, id);
    await withUser(ctx, (tx) =>
      tx
        .update(bookings)
        .set({ note: patch.note, updatedAt: new Date() })
        .where(and(eq(bookings.userId, ctx.userId), eq(bookings.id, id))),
    );
  }
  if (patch.start) await rescheduleBooking(ctx, id, new Date(patch.start), { selfService: false });
  if (patch.status === "cancelled") await cancelBooking(ctx, id, { selfService: false });
  return getBooking(ctx, id);
}
