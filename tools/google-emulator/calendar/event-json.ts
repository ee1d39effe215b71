// StoredEvent → the calendar#event JSON the official client types describe.
import type { calendar_v3 } from "@googleapis/calendar";
import type { Occurrence } from "./recurrence";
import type { CalendarStore, StoredEvent } from "./store";

const iso = (ms: number) => new Date(ms).toISOString();

export function etagOf(e: StoredEvent): string {
  return `"${3_400_000_000_000_000 + e.changeSeq * 1000 + (e.updated % 1000)}"`;
}

export function toEventJson(
  cal: CalendarStore,
  e: StoredEvent,
  occurrence?: Occurrence,
): calendar_v3.Schema$Event {
  const id = occurrence ? `${e.id}_${occurrence.idSuffix}` : e.id;
  const instance = occurrence ? { recurringEventId: e.id, originalStartTime: occurrence.start } : {};
  // Deleted events are only guaranteed to carry their id, so clients must cope with that.
  if (e.status === "cancelled")
    return { kind: "calendar#event", etag: etagOf(e), id, status: "cancelled", ...instance };
  const self = (email: string) => (email.toLowerCase() === cal.email ? { self: true } : {});
  const out: calendar_v3.Schema$Event = {
    kind: "calendar#event",
    etag: etagOf(e),
    id,
    status: e.status,
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${cal.email}`).toString("base64url")}`,
    created: iso(e.created),
    updated: iso(e.updated),
    summary: e.summary,
    description: e.description,
    location: e.location,
    creator: { ...e.creator, ...self(e.creator.email) },
    organizer: { ...e.organizer, ...self(e.organizer.email) },
    start: occurrence?.start ?? e.start,
    end: occurrence?.end ?? e.end,
    ...(occurrence ? instance : e.recurrence ? { recurrence: e.recurrence } : {}),
    ...(e.visibility && e.visibility !== "default" ? { visibility: e.visibility } : {}),
    ...(e.transparency === "transparent" ? { transparency: "transparent" } : {}),
    iCalUID: `${e.id}@google.com`,
    sequence: e.sequence,
    attendees: e.attendees?.map((a) => ({ ...a, ...self(a.email) })),
    extendedProperties: e.extendedProperties,
    reminders: { useDefault: true },
    eventType: "default",
  };
  for (const k of Object.keys(out) as Array<keyof typeof out>) if (out[k] === undefined) delete out[k];
  return out;
}
