import { DateTime } from "luxon";

/**
 * Calendar maths in the user's IANA zone (luxon, which reads the runtime's tz database):
 * instants are stored in UTC, days are counted on the user's wall calendar, so "every 14
 * days" and "9 am" mean the same thing on both sides of a DST change.
 */

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function at(instant: Date, tz: string): DateTime {
  return DateTime.fromJSDate(instant, { zone: tz });
}

/** The local calendar date ("YYYY-MM-DD") of an instant in `tz`. */
export function localDateOf(instant: Date, tz: string): string {
  return at(instant, tz).toISODate()!;
}

/** Today's local date in `tz`. */
export function localToday(tz: string, now: Date = new Date()): string {
  return localDateOf(now, tz);
}

/** The local wall-clock ("YYYY-MM-DDTHH:MM") of an instant in `tz`. */
export function localMinuteOf(instant: Date, tz: string): string {
  return at(instant, tz).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The local hour (0–23) of an instant in `tz`. */
export function localHourOf(instant: Date, tz: string): number {
  return at(instant, tz).hour;
}

/** A date plus n calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ days: n }).toISODate()!;
}

/** Whole calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round(
    DateTime.fromISO(b, { zone: "UTC" }).diff(DateTime.fromISO(a, { zone: "UTC" }), "days").days,
  );
}

/** The instant a local day starts in `tz` (a day that starts in a DST gap starts when it exists). */
export function startOfLocalDay(date: string, tz: string): Date {
  return DateTime.fromISO(date, { zone: tz }).startOf("day").toJSDate();
}

/**
 * The instant of a local wall-clock time. A time that does not exist (skipped by a DST
 * change) moves forward by the gap; an ambiguous one (repeated hour) takes the first.
 */
export function localTimeToInstant(date: string, hour: number, minute: number, tz: string): Date {
  const d = DateTime.fromISO(date, { zone: tz }).set({ hour, minute, second: 0, millisecond: 0 });
  return d.toJSDate();
}

/** True when `tz` is a zone the runtime knows. */
export function isKnownZone(tz: string): boolean {
  return DateTime.local().setZone(tz).isValid;
}
