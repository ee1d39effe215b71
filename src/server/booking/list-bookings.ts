import { and, asc, eq, gt, lt } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookings } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { queryFreeBusy } from "../google/calendar/calendar-driver";
import { loadTokens } from "../google/token-store";
import { toBookingView } from "./booking-dto";
import { loadSettings } from "./get-availability";
import type { BookingView } from "./schemas";

const DAY = 86_400_000;

/** Bookings and blocks in a window (default: this week and the next), optionally with Google busy times. */
export async function listBookings(
  ctx: Ctx,
  q: { from?: string; to?: string; contactId?: string; includeBusy?: "true" | "false" },
): Promise<{ items: BookingView[]; busy: { start: string; end: string }[] }> {
  const from = q.from ? new Date(q.from) : new Date(Date.now() - 7 * DAY);
  const to = q.to ? new Date(q.to) : new Date(from.getTime() + 21 * DAY);
  const rows = await withUser(ctx, (tx) =>
    tx
      .select()
      .from(bookings)
      .where(
        and(
          eq(bookings.userId, ctx.userId),
          ...(q.contactId
            ? [eq(bookings.contactId, q.contactId)]
            : [lt(bookings.startsAt, to), gt(bookings.endsAt, from)]),
        ),
      )
      .orderBy(asc(bookings.startsAt))
      .limit(500),
  );
  let busy: { start: string; end: string }[] = [];
  if (q.includeBusy === "true" && (await loadTokens(ctx, "calendar"))) {
    const s = await loadSettings(ctx);
    try {
      const own = new Set(rows.map((r) => `${r.startsAt.getTime()}/${r.endsAt.getTime()}`));
      busy = (await queryFreeBusy(ctx, { timeMin: from, timeMax: to, calendarIds: s.busyCalendarIds }))
        .filter((b) => !own.has(`${b.start}/${b.end}`))
        .map((b) => ({ start: new Date(b.start).toISOString(), end: new Date(b.end).toISOString() }));
    } catch (e) {
      ctx.log.warn({ err: e }, "busy times unavailable for the week view");
    }
  }
  return { items: rows.map(toBookingView), busy };
}
