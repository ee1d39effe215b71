import { calendar_v3 } from "@googleapis/calendar";
import { env } from "@/lib/env";
import type { Ctx } from "../../context";
import { authorizedClient } from "../authorized-client";
import { GoogleError } from "../errors";
import { driverCall } from "../google-session";

// The Calendar driver's write and free/busy methods (booking): each call takes its quota,
// goes through the breaker and retry policy, and throws a mapped GoogleError.
const COST = {
  "freebusy.query": 1,
  "events.insert": 1,
  "events.patch": 1,
  "events.delete": 1,
  "calendarList.list": 1,
} as const;

async function api(ctx: Ctx): Promise<calendar_v3.Calendar> {
  const auth = await authorizedClient(ctx, "calendar");
  return new calendar_v3.Calendar({
    auth: auth as never,
    rootUrl: env().GOOGLE_API_ROOT_URL,
    retry: false,
    timeout: 30_000,
  });
}

async function call<T>(
  ctx: Ctx,
  op: keyof typeof COST,
  fn: (c: calendar_v3.Calendar) => Promise<T>,
): Promise<T> {
  const c = await api(ctx);
  const s = { userId: ctx.userId, breakerKey: `${ctx.userId}:calendar` };
  return driverCall(s, COST[op], () => fn(c), { maxAttempts: 4, maxWaitMs: 5_000 });
}

export type BusyInterval = { start: number; end: number };

/** freebusy.query over the chosen calendars; a calendar Google reports an error for is skipped. */
export async function queryFreeBusy(
  ctx: Ctx,
  p: { timeMin: Date; timeMax: Date; calendarIds: string[] },
): Promise<BusyInterval[]> {
  const r = await call(ctx, "freebusy.query", (c) =>
    c.freebusy.query({
      requestBody: {
        timeMin: p.timeMin.toISOString(),
        timeMax: p.timeMax.toISOString(),
        items: p.calendarIds.map((id) => ({ id })),
      },
    }),
  );
  const out: BusyInterval[] = [];
  for (const [id, cal] of Object.entries(r.data.calendars ?? {})) {
    if (cal.errors?.length) ctx.log.warn({ calendarId: id, errors: cal.errors }, "free/busy calendar error");
    for (const b of cal.busy ?? []) {
      const start = Date.parse(b.start ?? "");
      const end = Date.parse(b.end ?? "");
      if (Number.isFinite(start) && Number.isFinite(end) && end > start) out.push({ start, end });
    }
  }
  return out;
}

export type CalendarEventInput = calendar_v3.Schema$Event;

export type CalendarListItem = { id: string; name: string; primary: boolean };

/** calendarList.list: the calendars the account sees (at most 250; one page is plenty here). */
export async function listCalendars(ctx: Ctx): Promise<CalendarListItem[]> {
  const r = await call(ctx, "calendarList.list", (c) => c.calendarList.list({ maxResults: 250 }));
  return (r.data.items ?? [])
    .filter((c): c is typeof c & { id: string } => !!c.id && !c.deleted)
    .map((c) => ({ id: c.id, name: c.summaryOverride ?? c.summary ?? c.id, primary: !!c.primary }));
}

/** events.insert with our own id: a retried insert answers 409 and is treated as done. */
export async function insertCalendarEvent(
  ctx: Ctx,
  event: CalendarEventInput & { id: string },
): Promise<string> {
  try {
    const r = await call(ctx, "events.insert", (c) =>
      c.events.insert({ calendarId: "primary", sendUpdates: "none", requestBody: event }),
    );
    return r.data.id ?? event.id;
  } catch (e) {
    if (e instanceof GoogleError && e.status === 409) return event.id;
    throw e;
  }
}

export async function patchCalendarEvent(ctx: Ctx, id: string, patch: CalendarEventInput): Promise<void> {
  await call(ctx, "events.patch", (c) =>
    c.events.patch({ calendarId: "primary", eventId: id, sendUpdates: "none", requestBody: patch }),
  );
}

/** events.delete; an event already gone (404/410) counts as deleted. */
export async function deleteCalendarEvent(ctx: Ctx, id: string): Promise<void> {
  try {
    await call(ctx, "events.delete", (c) =>
      c.events.delete({ calendarId: "primary", eventId: id, sendUpdates: "none" }),
    );
  } catch (e) {
    if (
      e instanceof GoogleError &&
      (e.kind === "not_found" || e.status === 410 || e.kind === "cursor_invalid")
    )
      return;
    throw e;
  }
}
