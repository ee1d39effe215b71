import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import type { Db } from "../db/client";
import { bookings } from "../db/schema/booking";
import { withSystem } from "../db/with-user";
import { AppError } from "../errors";
import { rootLog } from "../log";
import type { BookingRow } from "./booking-dto";
import { loadBooking } from "./load-booking";
import { verifyManageToken } from "./manage-token";

/** The booking (and a Ctx for its practitioner) behind a client's signed link; 404 for anything else. */
export async function resolveManageToken(db: Db, token: string): Promise<{ ctx: Ctx; booking: BookingRow }> {
  const id = verifyManageToken(token);
  if (!id) throw new AppError("not_found", "This link is not valid");
  const [row] = await withSystem(db, (tx) =>
    tx.select({ userId: bookings.userId }).from(bookings).where(eq(bookings.id, id)),
  );
  if (!row) throw new AppError("not_found", "This link is not valid");
  const ctx: Ctx = { db, userId: row.userId, log: rootLog().child({ userId: row.userId, bookingId: id }) };
  const booking = await loadBooking(ctx, id);
  if (!booking) throw new AppError("not_found", "This link is not valid");
  return { ctx, booking };
}
