// Calendar API v3 routes: calendarList, calendars.get, events.list/get.
import type { ApiContext, ApiRoute } from "../api-route";
import { apiErrors } from "../errors";
import { hasCalendar } from "../oauth/scopes";
import { toEventJson } from "./event-json";
import { listEvents } from "./list-events";
import { occurrences, parseRule } from "./recurrence";
import type { CalendarStore } from "./store";

const C = "/calendar/v3";

function calendar(ctx: ApiContext, calendarId: string | undefined): CalendarStore {
  if (!hasCalendar(ctx.grant.scopes)) throw apiErrors.insufficientScopes();
  const cal = ctx.account.calendar;
  if (calendarId !== "primary" && calendarId?.toLowerCase() !== cal.email) throw apiErrors.calendarNotFound();
  return cal;
}

function listEntry(cal: CalendarStore) {
  return {
    kind: "calendar#calendarListEntry",
    etag: `"${cal.seq()}"`,
    id: cal.email,
    summary: cal.email,
    timeZone: cal.timeZone,
    colorId: "14",
    backgroundColor: "#9fe1e7",
    foregroundColor: "#000000",
    selected: true,
    accessRole: "owner",
    primary: true,
    defaultReminders: [{ method: "popup", minutes: 10 }],
    conferenceProperties: { allowedConferenceSolutionTypes: ["hangoutsMeet"] },
  };
}

function getEvent(ctx: ApiContext) {
  const cal = calendar(ctx, ctx.params[0]);
  const [masterId = "", suffix] = (ctx.params[1] ?? "").split("_");
  const e = cal.get(masterId);
  if (!e) throw apiErrors.calendarNotFound();
  if (!suffix) return toEventJson(cal, e);
  const rule = parseRule(e.recurrence);
  const occ = rule
    ? occurrences(e.start, e.end, rule, cal.timeZone).find((o) => o.idSuffix === suffix)
    : undefined;
  if (!occ) throw apiErrors.calendarNotFound();
  return toEventJson(cal, e, occ);
}

export const CALENDAR_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    pattern: new RegExp(`^${C}/users/me/calendarList$`),
    id: "calendar.calendarList.list",
    cost: 1,
    api: "calendar",
    handler: (ctx) => {
      const cal = calendar(ctx, "primary");
      return {
        kind: "calendar#calendarList",
        etag: `"${cal.seq()}"`,
        nextSyncToken: cal.syncToken(),
        items: [listEntry(cal)],
      };
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^${C}/users/me/calendarList/([^/]+)$`),
    id: "calendar.calendarList.get",
    cost: 1,
    api: "calendar",
    handler: (ctx) => listEntry(calendar(ctx, ctx.params[0])),
  },
  {
    method: "GET",
    pattern: new RegExp(`^${C}/calendars/([^/]+)$`),
    id: "calendar.calendars.get",
    cost: 1,
    api: "calendar",
    handler: (ctx) => {
      const cal = calendar(ctx, ctx.params[0]);
      return {
        kind: "calendar#calendar",
        etag: `"${cal.seq()}"`,
        id: cal.email,
        summary: cal.email,
        timeZone: cal.timeZone,
        conferenceProperties: { allowedConferenceSolutionTypes: ["hangoutsMeet"] },
      };
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^${C}/calendars/([^/]+)/events$`),
    id: "calendar.events.list",
    cost: 1,
    api: "calendar",
    handler: (ctx) => listEvents(calendar(ctx, ctx.params[0]), ctx.query),
  },
  {
    method: "GET",
    pattern: new RegExp(`^${C}/calendars/([^/]+)/events/([^/]+)$`),
    id: "calendar.events.get",
    cost: 1,
    api: "calendar",
    handler: getEvent,
  },
];
