import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { linkInteractionContacts } from "../contacts/link-interaction-contacts";
import { bookings } from "../db/schema/booking";
import { interactions } from "../db/schema/interactions";
import { withUser } from "../db/with-user";
import { enqueue } from "../jobs/enqueue";
import type { BookingRow } from "./booking-dto";
import { findSlots } from "./find-slots";
import type { SettingsRow } from "./get-availability";
import { isOverlapViolation, lockAndCheckFree, slotTaken } from "./lock-practitioner";
import { matchOrCreateContact } from "./match-contact";
import { scheduleReminders } from "./schedule-reminders";
import type { Service } from "./schemas";

const MIN = 60_000;

export type BookSlotInput = {
  service: Service;
  start: Date;
  client: { name: string; email: string; phone?: string | null; timeZone?: string | null };
  note?: string | null;
  contactId?: string;
  source: "public" | "practitioner";
  /** Practitioner bookings may ignore the public rules (notice, hours); overlaps never. */
  checkRules: boolean;
};

/**
 * Books one slot in one transaction: the slot must still be free under the rules (fresh
 * free/busy included), then under the practitioner's lock the span is re-checked and the
 * booking, the client's contact (matched by email or created), the session on their
 * timeline, the calendar/mail job and the reminders are written together. A taken slot
 * is a 409 whichever check catches it.
 */
export async function bookSlot(
  ctx: Ctx,
  s: SettingsRow,
  timeZone: string,
  input: BookSlotInput,
): Promise<BookingRow> {
  const svc = input.service;
  const start = input.start.getTime();
  const end = start + svc.durationMinutes * MIN;
  if (input.checkRules) {
    const slots = await findSlots(ctx, s, timeZone, svc, { from: start, to: start + 1 });
    if (!slots.some((x) => x.start === start)) throw slotTaken();
  }
  const span = {
    from: new Date(start - svc.bufferBeforeMinutes * MIN),
    until: new Date(end + svc.bufferAfterMinutes * MIN),
  };
  try {
    return await withUser(ctx, async (tx) => {
      await lockAndCheckFree(tx, ctx.userId, span);
      const contactId = input.contactId ?? (await matchOrCreateContact({ ...ctx, tx }, input.client));
      const [row] = await tx
        .insert(bookings)
        .values({
          userId: ctx.userId,
          kind: "booking",
          serviceId: svc.id,
          contactId,
          title: svc.name,
          startsAt: new Date(start),
          endsAt: new Date(end),
          blockedFrom: span.from,
          blockedUntil: span.until,
          clientName: input.client.name,
          clientEmail: input.client.email || null,
          clientPhone: input.client.phone ?? null,
          note: input.note ?? null,
          location: svc.location,
          clientTimeZone: input.client.timeZone ?? null,
          source: input.source,
        })
        .returning();
      const booking = row!;
      const [ix] = await tx
        .insert(interactions)
        .values({
          userId: ctx.userId,
          type: "session",
          source: "booking",
          sourceId: booking.id,
          occurredAt: booking.startsAt,
          subject: svc.name,
          body: input.note ?? null,
          direction: "inbound",
          metadata: { bookingId: booking.id, status: "confirmed", source: input.source },
        })
        .returning({ id: interactions.id });
      await linkInteractionContacts(tx, ctx.userId, [{ interactionId: ix!.id, contactId }]);
      await tx.execute(sql`UPDATE bookings SET interaction_id = ${ix!.id} WHERE id = ${booking.id}`);
      await enqueue({ ...ctx, tx }, "booking_notify", { bookingId: booking.id, version: 1 });
      await scheduleReminders({ ...ctx, tx }, s, booking);
      return { ...booking, interactionId: ix!.id };
    });
  } catch (e) {
    if (isOverlapViolation(e)) throw slotTaken();
    throw e;
  }
}
