import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookings } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import type { BookingRow } from "./booking-dto";

export async function loadBooking(ctx: Ctx, id: string): Promise<BookingRow | null> {
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.userId, ctx.userId), eq(bookings.id, id)));
    return row ?? null;
  });
}
