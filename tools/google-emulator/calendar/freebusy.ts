// freebusy.query: busy blocks of the account's calendar between timeMin and timeMax.
// Cancelled, transparent and declined events are free; all-day events are free unless
// marked opaque (Google's default for them); recurring events count per occurrence.
import type { calendar_v3 } from "@googleapis/calendar";
import type { ApiContext, ApiRoute } from "../api-route";
import { apiErrors } from "../errors";
import { readJson } from "../http-utils";
import { hasCalendar } from "../oauth/scopes";
import { occurrences, parseRule } from "./recurrence";
import type { CalendarStore, StoredEvent } from "./store";
import { eventInstant } from "./time";

type Body = { timeMin?: string; timeMax?: string; items?: { id?: string }[] };

function isBusy(cal: CalendarStore, e: StoredEvent): boolean {
  if (e.status === "cancelled" || e.transparency === "transparent") return false;
  if (e.start.date && e.transparency !== "opaque") return false;
  const me = e.attendees?.find((a) => a.email.toLowerCase() === cal.email);
  return me?.responseStatus !== "declined";
}

export function busyBlocks(cal: CalendarStore, min: number, max: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const e of cal.all()) {
    if (!isBusy(cal, e)) continue;
    const rule = parseRule(e.recurrence);
    const spans = rule
      ? occurrences(e.start, e.end, rule, cal.timeZone).map((o) => [o.start, o.end] as const)
      : [[e.start, e.end] as const];
    for (const [s, en] of spans) {
      const start = eventInstant(s, cal.timeZone);
      const end = eventInstant(en, cal.timeZone);
      if (start < max && end > min) out.push({ start: Math.max(start, min), end: Math.min(end, max) });
    }
  }
  out.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const b of out) {
    const last = merged[merged.length - 1];
    if (last && b.start <= last.end) last.end = Math.max(last.end, b.end);
    else merged.push({ ...b });
  }
  return merged;
}

async function freeBusy(ctx: ApiContext): Promise<calendar_v3.Schema$FreeBusyResponse> {
  if (!hasCalendar(ctx.grant.scopes)) throw apiErrors.insufficientScopes();
  const body = (await readJson(ctx.req)) as Body;
  const min = Date.parse(body.timeMin ?? "");
  const max = Date.parse(body.timeMax ?? "");
  if (!Number.isFinite(min) || !Number.isFinite(max))
    throw apiErrors.badRequest("Missing timeMin or timeMax.");
  if (max <= min) throw apiErrors.badRequest("The specified time range is empty.", "timeRangeEmpty");
  const cal = ctx.account.calendar;
  const calendars: Record<string, calendar_v3.Schema$FreeBusyCalendar> = {};
  for (const { id = "" } of body.items ?? []) {
    if (id === "primary" || id.toLowerCase() === cal.email) {
      calendars[id] = {
        busy: busyBlocks(cal, min, max).map((b) => ({
          start: new Date(b.start).toISOString(),
          end: new Date(b.end).toISOString(),
        })),
      };
    } else {
      calendars[id] = { errors: [{ domain: "global", reason: "notFound" }], busy: [] };
    }
  }
  return {
    kind: "calendar#freeBusy",
    timeMin: new Date(min).toISOString(),
    timeMax: new Date(max).toISOString(),
    calendars,
  };
}

export const FREEBUSY_ROUTES: ApiRoute[] = [
  {
    method: "POST",
    pattern: /^\/calendar\/v3\/freeBusy$/,
    id: "calendar.freebusy.query",
    cost: 1,
    api: "calendar",
    handler: freeBusy,
  },
];
