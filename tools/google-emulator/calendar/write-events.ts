// events.insert / events.patch / events.delete on the primary calendar. Writing needs
// calendar.events (or full calendar): a read-only grant gets 403 insufficient scopes.
import type { calendar_v3 } from "@googleapis/calendar";
import type { ApiContext, ApiRoute } from "../api-route";
import { apiErrors, GoogleApiError } from "../errors";
import { readJson } from "../http-utils";
import { toEventJson } from "./event-json";
import type { Attendee, CalendarStore, EventSpec, ExtendedProperties } from "./store";
import type { EventTime } from "./time";

const G = "https://www.googleapis.com/auth/";
const WRITE = new Set([`${G}calendar`, `${G}calendar.events`]);
const C = "/calendar/v3/calendars/([^/]+)/events";
const EVENT_ID = /^[a-v0-9]{5,1024}$/;

function writable(ctx: ApiContext, calendarId: string | undefined): CalendarStore {
  if (!ctx.grant.scopes.some((s) => WRITE.has(s))) throw apiErrors.insufficientScopes();
  const cal = ctx.account.calendar;
  if (calendarId !== "primary" && calendarId?.toLowerCase() !== cal.email) throw apiErrors.calendarNotFound();
  return cal;
}

function time(t: calendar_v3.Schema$EventDateTime | undefined, what: string): EventTime {
  if (!t || (!t.dateTime && !t.date)) throw apiErrors.badRequest(`Missing ${what} time.`, "required");
  if (t.dateTime && Number.isNaN(Date.parse(t.dateTime))) throw apiErrors.badRequest(`Invalid ${what} time.`);
  return {
    ...(t.dateTime ? { dateTime: t.dateTime } : { date: t.date! }),
    ...(t.timeZone ? { timeZone: t.timeZone } : {}),
  };
}

/** String values only, as Google stores them; a patch merges keys into what is there. */
function props(
  b: calendar_v3.Schema$Event["extendedProperties"],
  prev: ExtendedProperties | undefined,
): ExtendedProperties | undefined {
  if (b === undefined) return prev;
  if (b === null) return undefined;
  const map = (m: Record<string, string> | null | undefined, old: Record<string, string> | undefined) => {
    if (m === undefined) return old;
    const out: Record<string, string> = { ...old };
    for (const [k, v] of Object.entries(m ?? {})) if (typeof v === "string") out[k] = v;
    return out;
  };
  return { private: map(b.private, prev?.private), shared: map(b.shared, prev?.shared) };
}

function fields(b: calendar_v3.Schema$Event, prev?: ExtendedProperties): Partial<EventSpec> {
  const out: Partial<EventSpec> = {};
  if (b.summary !== undefined) out.summary = b.summary ?? undefined;
  if (b.description !== undefined) out.description = b.description ?? undefined;
  if (b.location !== undefined) out.location = b.location ?? undefined;
  if (b.start !== undefined) out.start = time(b.start, "start");
  if (b.end !== undefined) out.end = time(b.end, "end");
  if (b.attendees !== undefined)
    out.attendees = (b.attendees ?? []).map((a): Attendee => ({
      email: (a.email ?? "").toLowerCase(),
      displayName: a.displayName ?? undefined,
      responseStatus: "needsAction",
    }));
  if (b.transparency === "transparent" || b.transparency === "opaque") out.transparency = b.transparency;
  if (b.extendedProperties !== undefined) out.extendedProperties = props(b.extendedProperties, prev);
  return out;
}

async function insert(ctx: ApiContext) {
  const cal = writable(ctx, ctx.params[0]);
  const body = (await readJson(ctx.req)) as calendar_v3.Schema$Event;
  if (body.id !== undefined && body.id !== null && !EVENT_ID.test(body.id))
    throw apiErrors.badRequest("Invalid resource id value.", "invalid");
  if (body.id && cal.get(body.id))
    throw new GoogleApiError(409, "The requested identifier already exists.", [
      { message: "The requested identifier already exists.", domain: "global", reason: "duplicate" },
    ]);
  const f = fields(body);
  if (!f.start || !f.end) throw apiErrors.badRequest("Missing time.", "required");
  return toEventJson(
    cal,
    cal.add({ ...f, start: f.start, end: f.end, ...(body.id ? { id: body.id } : {}) }, ctx.state.now()),
  );
}

async function patch(ctx: ApiContext) {
  const cal = writable(ctx, ctx.params[0]);
  const id = ctx.params[1] ?? "";
  const e = cal.get(id);
  if (!e || e.status === "cancelled") throw apiErrors.notFound("Not Found");
  const body = (await readJson(ctx.req)) as calendar_v3.Schema$Event;
  return toEventJson(cal, cal.update(id, fields(body, e.extendedProperties), ctx.state.now()));
}

function remove(ctx: ApiContext) {
  const cal = writable(ctx, ctx.params[0]);
  const id = ctx.params[1] ?? "";
  const e = cal.get(id);
  if (!e) throw apiErrors.notFound("Not Found");
  if (e.status === "cancelled")
    throw new GoogleApiError(410, "Resource has been deleted", [
      { message: "Resource has been deleted", domain: "global", reason: "deleted" },
    ]);
  cal.cancel(id, ctx.state.now());
  return {};
}

export const WRITE_EVENT_ROUTES: ApiRoute[] = [
  {
    method: "POST",
    pattern: new RegExp(`^${C}$`),
    id: "calendar.events.insert",
    cost: 1,
    api: "calendar",
    handler: insert,
  },
  {
    method: "PATCH",
    pattern: new RegExp(`^${C}/([^/]+)$`),
    id: "calendar.events.patch",
    cost: 1,
    api: "calendar",
    handler: patch,
  },
  {
    method: "DELETE",
    pattern: new RegExp(`^${C}/([^/]+)$`),
    id: "calendar.events.delete",
    cost: 1,
    api: "calendar",
    handler: remove,
  },
];
