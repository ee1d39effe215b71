import type { CalendarEvent } from "../google/client";
import { isAutomatedAddress } from "./classify-sender";
import { BODY_CAP_CHARS, type NormalizedItem } from "./normalize-email";
import { htmlToText } from "./mime/html-to-text";
import { trimForSummary } from "./mime/summarize";

export type EventPrefs = { includeOrganizerSelf: boolean; includePrivate: boolean };

const NOT_PEOPLE =
  /@(resource\.calendar\.google\.com|group\.calendar\.google\.com|group\.v\.calendar\.google\.com)$/i;

/** The key sync-booking-event writes into the Google events it creates. */
export const BOOKING_EVENT_PROPERTY = "omnicrmBookingId";

/** The OmniCRM booking a Calendar event was created for, or null for anyone else's event. */
export function bookingIdOfEvent(ev: CalendarEvent): string | null {
  const id = ev.extendedProperties?.private?.[BOOKING_EVENT_PROPERTY];
  return typeof id === "string" && id ? id : null;
}

/**
 * Why an event is not imported (cancelled / filtered by prefs / ours), or null when it is.
 * A booking's own event is "booking": the booking already put its session on the timeline
 * and keeps it current, so importing the event would show the same session twice.
 */
export function eventExclusion(
  ev: CalendarEvent,
  prefs: EventPrefs,
): "cancelled" | "filtered" | "booking" | null {
  if (ev.status === "cancelled") return "cancelled";
  if (bookingIdOfEvent(ev)) return "booking";
  if (!prefs.includePrivate && (ev.visibility === "private" || ev.visibility === "confidential"))
    return "filtered";
  if (!prefs.includeOrganizerSelf && ev.organizer?.self) return "filtered";
  if (!ev.start?.dateTime && !ev.start?.date) return "filtered";
  return null;
}

/**
 * Pure: one Calendar event → an interaction draft ("session" for a one-to-one, "meeting"
 * otherwise) plus contact candidates: everyone the user met counts as engaged.
 */
const EVENT_HTML_CAP = 64 * 1024;

export function normalizeEvent(ev: CalendarEvent, ownAddresses: ReadonlySet<string>): NormalizedItem {
  const people = new Map<string, string | null>();
  const consider = (
    email: string | null | undefined,
    name: string | null | undefined,
    self?: boolean | null,
    resource?: boolean | null,
  ) => {
    if (!email || self || resource) return;
    const e = email.toLowerCase();
    if (ownAddresses.has(e) || NOT_PEOPLE.test(e)) return;
    if (!people.has(e) || (!people.get(e) && name)) people.set(e, name?.trim() || null);
  };
  for (const a of ev.attendees ?? []) consider(a.email, a.displayName, a.self, a.resource);
  consider(ev.organizer?.email, ev.organizer?.displayName, ev.organizer?.self);
  const start = ev.start?.dateTime ?? ev.start?.date ?? null;
  const end = ev.end?.dateTime ?? ev.end?.date ?? null;
  // Inline, not in the worker pool: the HTML is cut at EVENT_HTML_CAP before a linear
  // tokenizer sees it (a few milliseconds at most).
  const description = ev.description
    ? htmlToText(ev.description.slice(0, EVENT_HTML_CAP), BODY_CAP_CHARS)
    : null;
  const participants = [...people.keys()];
  return {
    interaction: {
      type: participants.length === 1 ? "session" : "meeting",
      source: "calendar",
      sourceId: ev.id ?? "",
      occurredAt: new Date(start ?? 0),
      subject: (ev.summary ?? "(no title)").slice(0, 998),
      body: description,
      summary: description ? trimForSummary(description) : (ev.location ?? null),
      direction: ev.organizer?.self ? "outbound" : "inbound",
      threadId: ev.recurringEventId ?? null,
      metadata: {
        participants,
        start,
        end,
        allDay: !ev.start?.dateTime,
        location: ev.location ?? null,
        organizer: ev.organizer?.email?.toLowerCase() ?? null,
        attendees: (ev.attendees ?? []).map((a) => ({
          email: a.email?.toLowerCase() ?? null,
          name: a.displayName ?? null,
          responseStatus: a.responseStatus ?? null,
        })),
        htmlLink: ev.htmlLink ?? null,
        status: ev.status ?? null,
      },
    },
    candidates: [...people]
      .filter(([email]) => !isAutomatedAddress(email))
      .map(([email, name]) => ({ email, name, engaged: true })),
  };
}
