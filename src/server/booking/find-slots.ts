import { and, eq, gt, lt } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookings } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { queryFreeBusy } from "../google/calendar/calendar-driver";
import { GoogleError } from "../google/errors";
import { loadTokens } from "../google/token-store";
import { generateSlots, type Interval } from "./generate-slots";
import type { SettingsRow } from "./get-availability";
import type { Service } from "./schemas";

const DAY = 86_400_000;

export type SlotWindow = { from: number; to: number; now?: number; excludeBookingId?: string };

/**
 * The free slots of one service in a window: the practitioner's rules, minus their existing
 * bookings (with buffers) and their Google Calendar busy times. A connected calendar that
 * cannot be read makes this fail (503) rather than offer times that may be taken.
 */
export async function findSlots(
  ctx: Ctx,
  s: SettingsRow,
  timeZone: string,
  service: Pick<Service, "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes">,
  w: SlotWindow,
): Promise<Interval[]> {
  const now = w.now ?? Date.now();
  const from = Math.max(w.from, now);
  const to = Math.min(w.to, now + (s.maxDaysAhead + 1) * DAY);
  if (to <= from) return [];
  const pad = DAY;
  const rows = await withUser(ctx, (tx) =>
    tx
      .select({
        id: bookings.id,
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        blockedFrom: bookings.blockedFrom,
        blockedUntil: bookings.blockedUntil,
        kind: bookings.kind,
      })
      .from(bookings)
      .where(
        and(
          eq(bookings.userId, ctx.userId),
          eq(bookings.status, "confirmed"),
          lt(bookings.blockedFrom, new Date(to + pad)),
          gt(bookings.blockedUntil, new Date(from - pad)),
        ),
      ),
  );
  const own = new Set(rows.map((r) => `${r.startsAt.getTime()}/${r.endsAt.getTime()}`));
  const google = await googleBusy(ctx, s, new Date(from - pad), new Date(to + pad));
  // A booking's own Google event is already counted through its blocked range.
  // The booking being moved (reschedule) frees its own time.
  const others = rows.filter((r) => r.id !== w.excludeBookingId);
  const busy: Interval[] = [
    ...others.map((r) => ({ start: r.blockedFrom.getTime(), end: r.blockedUntil.getTime() })),
    ...google.filter((b) => !own.has(`${b.start}/${b.end}`)),
  ];
  return generateSlots(
    {
      timeZone,
      weeklyHours: s.weeklyHours,
      overrides: s.overrides,
      durationMin: service.durationMinutes,
      bufferBeforeMin: service.bufferBeforeMinutes,
      bufferAfterMin: service.bufferAfterMinutes,
      stepMin: s.slotStepMinutes,
      minNoticeMin: s.minNoticeMinutes,
      maxDaysAhead: s.maxDaysAhead,
      dailyCap: s.dailyCap,
    },
    {
      now,
      from,
      to,
      busy,
      bookedStarts: others.filter((r) => r.kind === "booking").map((r) => r.startsAt.getTime()),
    },
  );
}

async function googleBusy(ctx: Ctx, s: SettingsRow, timeMin: Date, timeMax: Date): Promise<Interval[]> {
  const tokens = await loadTokens(ctx, "calendar");
  if (!tokens || (!tokens.accessToken && !tokens.refreshToken)) return [];
  try {
    return await queryFreeBusy(ctx, { timeMin, timeMax, calendarIds: s.busyCalendarIds });
  } catch (e) {
    if (e instanceof GoogleError) {
      ctx.log.warn({ kind: e.kind, status: e.status }, "free/busy unavailable");
      throw new AppError(
        "service_unavailable",
        "Availability cannot be checked right now; try again shortly",
      );
    }
    throw e;
  }
}
