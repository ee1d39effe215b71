import type { CalendarEvent } from "../client";
import { driverCall } from "../google-session";
import { QUOTA_COST } from "../quota";
import type { CalendarSession } from "./calendar-session";

export type CalendarEventPage = {
  items: CalendarEvent[];
  nextPageToken?: string;
  nextSyncToken?: string;
};

/**
 * events.list on the primary calendar (singleEvents, 250 a page): a time window, or the
 * changes since a syncToken (then 410 Gone throws GoogleError cursor_invalid).
 */
export function calendarListEvents(
  s: CalendarSession,
  p: { timeMin?: string; timeMax?: string; pageToken?: string; syncToken?: string },
): Promise<CalendarEventPage> {
  return driverCall(s, QUOTA_COST["events.list"], () => s.calendar.listEvents(p), {
    cursorOp: !!p.syncToken,
  });
}
