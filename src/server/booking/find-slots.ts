import { and, eq, gt, lt } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookings } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { queryFreeBusy } from "../google/calendar/calendar-driver";
import { GoogleError } from "../google/errors";
import { loadTokens } from "../google/token-store";
import { cachedBusy, rememberBusy } from "./free-busy-cache";
import { generateSlots, type Interval } from "./generate-slots";
import type { SettingsRow } from "./get-availability";
import type { Service } from "./schemas";

const DAY = 86_400_000;

export type SlotWindow = {
  from: number;
  to: number;
  now?: number;
  excludeBookingId?: string;
  /** Views may use Google busy times fetched this long ago; booking asks Google afresh (0). */
  busyMaxAgeMs?: number;
};

type BusyRows = {
  rows: { id: string; startsAt: Date; endsAt: Date; blockedFrom: Date; blockedUntil: Date; kind: string }[];
  connected: boolean;
};

const DEFAULT_PAD = DAY;

function clampWindow(s: SettingsRow, w: SlotWindow): { now: number; from: number; to: number } {
  const now = w.now ?? Date.now();
  return { now, from: Math.max(w.from, now), to: Math.min(w.to, now + (s.maxDaysAhead + 1) * DAY) };
}

/**
 * The database half of findSlots: the confirmed bookings near the window and whether a
 * calendar is connected. Runs in the caller's transaction when `ctx.tx` is set, so a view
 * reads everything it needs in one.
 */
export async function loadBusyRows(ctx: Ctx, s: SettingsRow, w: SlotWindow): Promise<BusyRows> {
  const { from, to } = clampWindow(s, w);
  return withUser(ctx, async (tx) => {
    const rows = await tx
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
          lt(bookings.blockedFrom, new Date(to + DEFAULT_PAD)),
          gt(bookings.blockedUntil, new Date(from - DEFAULT_PAD)),
        ),
      );
    const tokens = await loadTokens({ ...ctx, tx }, "calendar");
    return { rows, connected: !!(tokens?.accessToken || tokens?.refreshToken) };
  });
}

/**
 * The free slots of one service in a window: the practitioner's rules, minus their existing
 * bookings (with buffers) and their Google Calendar busy times. A connected calendar that
 * cannot be read makes this fail (503) rather than offer times that may be taken. Google is
 * asked after the database work, so no connection is held across an HTTP call.
 */
export async function findSlots(
  ctx: Ctx,
  s: SettingsRow,
  timeZone: string,
  service: Pick<Service, "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes">,
  w: SlotWindow,
  loaded?: BusyRows,
): Promise<Interval[]> {
  const { now, from, to } = clampWindow(s, w);
  if (to <= from) return [];
  const { rows, connected } = loaded ?? (await loadBusyRows(ctx, s, w));
  const pad = DEFAULT_PAD;
  const google = connected
    ? await googleBusy(ctx, s, { from: from - pad, to: to + pad, now, maxAgeMs: w.busyMaxAgeMs ?? 0 })
    : [];
  // A booking's own Google event is already counted through its blocked range.
  // The booking being moved (reschedule) frees its own time.
  const own = new Set(rows.map((r) => `${r.startsAt.getTime()}/${r.endsAt.getTime()}`));
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

async function googleBusy(
  ctx: Ctx,
  s: SettingsRow,
  w: { from: number; to: number; now: number; maxAgeMs: number },
): Promise<Interval[]> {
  const ids = s.busyCalendarIds;
  if (w.maxAgeMs > 0) {
    const hit = cachedBusy(ctx.userId, ids, w);
    if (hit) return hit;
  }
  // A view fetches the whole bookable horizon, so the next views within the max age
  // (other weeks, other visitors) are answered from it.
  const span =
    w.maxAgeMs > 0
      ? { from: Math.min(w.from, w.now - DAY), to: Math.max(w.to, w.now + (s.maxDaysAhead + 2) * DAY) }
      : { from: w.from, to: w.to };
  try {
    const busy = await queryFreeBusy(ctx, {
      timeMin: new Date(span.from),
      timeMax: new Date(span.to),
      calendarIds: ids,
    });
    rememberBusy(ctx.userId, ids, { at: w.now, ...span, busy });
    return busy;
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
