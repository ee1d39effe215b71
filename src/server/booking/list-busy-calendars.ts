import type { Ctx } from "../context";
import { AppError } from "../errors";
import { listCalendars } from "../google/calendar/calendar-driver";
import { GoogleError } from "../google/errors";
import { loadTokens } from "../google/token-store";
import { loadSettings } from "./get-availability";
import type { BusyCalendars } from "./schemas";

/**
 * The practitioner's Google calendars, each marked when its busy times block booking slots.
 * The primary calendar is listed as "primary" (how settings store it by default); a chosen
 * calendar Google no longer lists stays in the list, so it can be unticked.
 */
export async function listBusyCalendars(ctx: Ctx): Promise<BusyCalendars> {
  const s = await loadSettings(ctx);
  const tokens = await loadTokens(ctx, "calendar");
  if (!tokens || (!tokens.accessToken && !tokens.refreshToken)) return { connected: false, calendars: [] };
  let listed: Awaited<ReturnType<typeof listCalendars>>;
  try {
    listed = await listCalendars(ctx);
  } catch (e) {
    if (e instanceof GoogleError) {
      ctx.log.warn({ kind: e.kind, status: e.status }, "calendar list unavailable");
      throw new AppError("service_unavailable", "Your Google calendars cannot be listed right now");
    }
    throw e;
  }
  const chosen = new Set(s.busyCalendarIds);
  const primaryEmail = listed.find((c) => c.primary)?.id;
  const calendars = listed.map((c) => {
    const id = c.primary ? "primary" : c.id;
    const busy = chosen.has(id) || (c.primary && chosen.has(c.id));
    return { id, name: c.name, primary: c.primary, busy, missing: false };
  });
  for (const id of s.busyCalendarIds) {
    if (id !== primaryEmail && !calendars.some((c) => c.id === id))
      calendars.push({ id, name: id, primary: false, busy: true, missing: true });
  }
  return { connected: true, calendars };
}
