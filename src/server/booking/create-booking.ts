import type { Ctx } from "../context";
import { getContact } from "../contacts/get-contact";
import { bookings } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { enqueue } from "../jobs/enqueue";
import { bookSlot } from "./book-slot";
import { toBookingView } from "./booking-dto";
import { bookingTimeZone, loadSettings } from "./get-availability";
import { getService } from "./get-service";
import { isOverlapViolation, lockAndCheckFree, slotTaken } from "./lock-practitioner";
import { createBookingInput, type BookingView, type CreateBookingInput } from "./schemas";

/**
 * The practitioner books a client (from the contact page) or blocks time. Their own
 * bookings skip the public rules (hours, notice) but never overlap another booking.
 */
export async function createBooking(ctx: Ctx, raw: CreateBookingInput): Promise<BookingView> {
  const input = createBookingInput.parse(raw);
  const start = new Date(input.start);
  if (input.kind === "block") {
    const end = input.end ? new Date(input.end) : null;
    if (!end || end <= start) throw new AppError("invalid_body", "A block needs an end after its start");
    try {
      const row = await withUser(ctx, async (tx) => {
        await lockAndCheckFree(tx, ctx.userId, { from: start, until: end });
        const [r] = await tx
          .insert(bookings)
          .values({
            userId: ctx.userId,
            kind: "block",
            title: input.title || "Blocked",
            startsAt: start,
            endsAt: end,
            blockedFrom: start,
            blockedUntil: end,
            note: input.note ?? null,
            source: "practitioner",
          })
          .returning();
        await enqueue({ ...ctx, tx }, "booking_notify", { bookingId: r!.id, version: 1 });
        return r!;
      });
      return toBookingView(row);
    } catch (e) {
      if (isOverlapViolation(e)) throw slotTaken();
      throw e;
    }
  }
  if (!input.serviceId || !input.contactId)
    throw new AppError("invalid_body", "Booking a client needs a service and a contact");
  const service = await getService(ctx, input.serviceId);
  const contact = await getContact(ctx, { id: input.contactId });
  const email = contact.emails.find((e) => e.isPrimary)?.value ?? contact.emails[0]?.value ?? null;
  const s = await loadSettings(ctx);
  const row = await bookSlot(ctx, s, await bookingTimeZone(ctx, s), {
    service,
    start,
    client: { name: contact.displayName, email: email ?? "", phone: null },
    contactId: contact.id,
    note: input.note ?? null,
    source: "practitioner",
    checkRules: false,
  });
  return toBookingView(row);
}
