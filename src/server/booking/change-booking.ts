import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookings } from "../db/schema/booking";
import { interactionContacts, interactions } from "../db/schema/interactions";
import { withUser, type Tx } from "../db/with-user";
import { AppError } from "../errors";
import { enqueue } from "../jobs/enqueue";
import type { BookingRow } from "./booking-dto";
import { findSlots } from "./find-slots";
import { bookingTimeZone, loadSettings } from "./get-availability";
import { loadBooking } from "./load-booking";
import { isOverlapViolation, lockAndCheckFree, slotTaken } from "./lock-practitioner";
import { scheduleReminders } from "./schedule-reminders";
import { getService } from "./get-service";

const MIN = 60_000;

export type ChangeOpts = { selfService: boolean };

async function mustLoad(ctx: Ctx, id: string): Promise<BookingRow> {
  const b = await loadBooking(ctx, id);
  if (!b) throw new AppError("not_found", "No such booking");
  return b;
}

function checkWindow(b: BookingRow, windowMin: number, what: string): void {
  if (b.startsAt.getTime() - Date.now() < windowMin * MIN)
    throw new AppError("unprocessable", `It is too late to ${what} online; please contact your practitioner`);
}

async function followInteraction(
  tx: Tx,
  b: BookingRow,
  set: { occurredAt?: Date; subject?: string; status: string },
) {
  if (!b.interactionId) return;
  await tx
    .update(interactions)
    .set({
      ...(set.occurredAt ? { occurredAt: set.occurredAt } : {}),
      ...(set.subject ? { subject: set.subject } : {}),
      metadata: sql`coalesce(${interactions.metadata}, '{}'::jsonb) || ${JSON.stringify({ status: set.status })}::jsonb`,
      updatedAt: new Date(),
    })
    .where(and(eq(interactions.userId, b.userId), eq(interactions.id, b.interactionId)));
  if (set.occurredAt)
    await tx
      .update(interactionContacts)
      .set({ occurredAt: set.occurredAt })
      .where(
        and(eq(interactionContacts.userId, b.userId), eq(interactionContacts.interactionId, b.interactionId)),
      );
}

/** Moves a booking to a new start under the same rules as booking it; Google, mail and timeline follow. */
export async function rescheduleBooking(
  ctx: Ctx,
  id: string,
  start: Date,
  o: ChangeOpts,
): Promise<BookingRow> {
  const b = await mustLoad(ctx, id);
  if (b.status !== "confirmed") throw new AppError("conflict", "This booking is cancelled");
  const s = await loadSettings(ctx);
  if (o.selfService) checkWindow(b, s.cancelWindowMinutes, "reschedule");
  const service = b.serviceId ? await getService(ctx, b.serviceId).catch(() => null) : null;
  const dur = b.endsAt.getTime() - b.startsAt.getTime();
  const before = b.startsAt.getTime() - b.blockedFrom.getTime();
  const after = b.blockedUntil.getTime() - b.endsAt.getTime();
  const t = start.getTime();
  if (o.selfService) {
    const rules = service ?? {
      durationMinutes: dur / MIN,
      bufferBeforeMinutes: before / MIN,
      bufferAfterMinutes: after / MIN,
    };
    const slots = await findSlots(ctx, s, await bookingTimeZone(ctx, s), rules, {
      from: t,
      to: t + 1,
      excludeBookingId: b.id,
    });
    if (!slots.some((x) => x.start === t)) throw slotTaken();
  }
  try {
    return await withUser(ctx, async (tx) => {
      const span = { from: new Date(t - before), until: new Date(t + dur + after) };
      await lockAndCheckFree(tx, ctx.userId, span, b.id);
      const [row] = await tx
        .update(bookings)
        .set({
          startsAt: new Date(t),
          endsAt: new Date(t + dur),
          blockedFrom: span.from,
          blockedUntil: span.until,
          version: sql`${bookings.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(bookings.userId, ctx.userId), eq(bookings.id, b.id), eq(bookings.status, "confirmed")))
        .returning();
      if (!row) throw new AppError("conflict", "This booking changed; reload and try again");
      await followInteraction(tx, b, { occurredAt: row.startsAt, status: "confirmed" });
      await enqueue({ ...ctx, tx }, "booking_notify", { bookingId: row.id, version: row.version });
      await scheduleReminders({ ...ctx, tx }, s, row);
      return row;
    });
  } catch (e) {
    if (isOverlapViolation(e)) throw slotTaken();
    throw e;
  }
}

/** Cancels a booking (idempotent); self-service only within the cancellation window. */
export async function cancelBooking(ctx: Ctx, id: string, o: ChangeOpts): Promise<BookingRow> {
  const b = await mustLoad(ctx, id);
  if (b.status === "cancelled") return b;
  if (o.selfService) checkWindow(b, (await loadSettings(ctx)).cancelWindowMinutes, "cancel");
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .update(bookings)
      .set({
        status: "cancelled",
        cancelledAt: new Date(),
        version: sql`${bookings.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(bookings.userId, ctx.userId), eq(bookings.id, b.id), eq(bookings.status, "confirmed")))
      .returning();
    if (!row) return b;
    await followInteraction(tx, b, { subject: `Cancelled: ${b.title}`, status: "cancelled" });
    await enqueue({ ...ctx, tx }, "booking_notify", { bookingId: row.id, version: row.version });
    return row;
  });
}
