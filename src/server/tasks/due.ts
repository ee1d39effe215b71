import { DateTime } from "luxon";
import { z } from "zod";
import { AppError } from "../errors";
import { DATE_RE, localDateOf, localMinuteOf } from "../followups/local-time";

/**
 * A task's due as the API speaks it: a local date "YYYY-MM-DD", or an ISO date-time. A
 * date-time with an offset ("…Z", "+01:00") is that instant; one without is a wall-clock
 * time in the user's zone.
 */
export const dueSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]);

/** How a due is stored: local date, instant (timed dues only) and the keyset sort key. */
export type StoredDue = { dueOn: string | null; dueAt: Date | null; sortKey: string | null };

export const NO_DUE: StoredDue = { dueOn: null, dueAt: null, sortKey: null };

export function toStoredDue(due: string | null | undefined, tz: string): StoredDue {
  if (!due) return NO_DUE;
  if (DATE_RE.test(due)) return { dueOn: due, dueAt: null, sortKey: due };
  const d = DateTime.fromISO(due, { zone: tz });
  if (!d.isValid) throw new AppError("invalid_body", "invalid due", { fields: { due: ["invalid date"] } });
  return instantDue(d.toJSDate(), tz);
}

/** The stored form of a timed due at `instant`. */
export function instantDue(instant: Date, tz: string): StoredDue {
  return { dueOn: localDateOf(instant, tz), dueAt: instant, sortKey: localMinuteOf(instant, tz) };
}

/** The API form: the instant in ISO (UTC) for timed dues, the date for date-only ones. */
export function dueToApi(dueOn: string | null, dueAt: Date | null): string | null {
  return dueAt ? dueAt.toISOString() : dueOn;
}

/**
 * The sort-key bound for `dueBefore`: a date D keeps dues before D; a date-time keeps dues
 * before that local minute (a date-only due counts from the start of its day).
 */
export function dueBeforeKey(v: string, tz: string): string {
  const s = toStoredDue(v, tz);
  return s.sortKey!;
}
