import type { Interval } from "./generate-slots";

// Google free/busy answers for the public slot views, kept for a few seconds per process.
// A visitor paging through weeks, or several visitors on one page, would otherwise each
// cost a Google round trip (most of a slots request's time). Only views read it: booking
// and rescheduling ask Google afresh, so a slot that became busy in the last seconds is
// refused there (409) rather than booked.

export const VIEW_BUSY_MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 1000;

type Entry = { at: number; from: number; to: number; busy: Interval[] };
const entries = new Map<string, Entry>();

const keyOf = (userId: string, calendarIds: string[]) => `${userId}|${calendarIds.join(",")}`;

/** Busy times covering [from, to] fetched at most `maxAgeMs` ago, or null. */
export function cachedBusy(
  userId: string,
  calendarIds: string[],
  w: { from: number; to: number; now: number; maxAgeMs: number },
): Interval[] | null {
  const e = entries.get(keyOf(userId, calendarIds));
  if (!e || w.now - e.at > w.maxAgeMs || e.from > w.from || e.to < w.to) return null;
  return e.busy;
}

export function rememberBusy(userId: string, calendarIds: string[], e: Entry): void {
  const key = keyOf(userId, calendarIds);
  entries.delete(key);
  entries.set(key, e);
  // Oldest first in a Map: drop from the front.
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}
