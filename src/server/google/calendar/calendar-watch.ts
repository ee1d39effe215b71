import { driverCall } from "../google-session";
import { QUOTA_COST } from "../quota";
import type { CalendarSession } from "./calendar-session";

// events.watch / channels.stop: Google POSTs to `address` when the primary calendar
// changes. What to do with the notifications is the sync domain's business (sync/push/).

export function calendarWatch(
  s: CalendarSession,
  p: { id: string; token: string; address: string },
): Promise<{ resourceId: string; expiration: number }> {
  return driverCall(s, QUOTA_COST["events.watch"], () => s.calendar.watch(p), { maxAttempts: 3 });
}

export function calendarStopChannel(
  s: CalendarSession,
  p: { id: string; resourceId: string },
): Promise<void> {
  return driverCall(s, QUOTA_COST["channels.stop"], () => s.calendar.stopChannel(p), { maxAttempts: 2 });
}
