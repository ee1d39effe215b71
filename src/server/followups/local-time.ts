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

// The hot paths (every due contact, every dashboard row) avoid luxon: a cached Intl
// formatter per zone and plain UTC date arithmetic are ~20× cheaper, and luxon was the
// largest single item of the web process's CPU profile (bench/README.md).
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const MS_PER_DAY = 86_400_000;

function dayFormat(tz: string): Intl.DateTimeFormat {
  let f = dayFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      era: "short",
    });
    if (dayFormats.size > 1000) dayFormats.clear(); // zones are few; never grow unbounded
    dayFormats.set(tz, f);
  }
  return f;
}

/** Milliseconds of a "YYYY-MM-DD" date at 00:00 UTC; NaN when it is not a real date
 * (Date.parse would roll 02-30 over into March, luxon calls it invalid: callers fall back). */
function utcMs(date: string): number {
  if (!DATE_RE.test(date)) return NaN;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && isoDay(ms) === date ? ms : NaN;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The local calendar date ("YYYY-MM-DD") of an instant in `tz`. */
export function localDateOf(instant: Date, tz: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = dayFormat(tz).formatToParts(instant);
  } catch {
    return at(instant, tz).toISODate()!; // unknown zone or invalid date: luxon's answer
  }
  let y = "";
  let m = "";
  let d = "";
  let bc = false;
  for (const p of parts)
    if (p.type === "year") y = p.value;
    else if (p.type === "month") m = p.value;
    else if (p.type === "day") d = p.value;
    else if (p.type === "era") bc = p.value.startsWith("B");
  if (bc || y.length !== 4) return at(instant, tz).toISODate()!; // outside 0001–9999
  return `${y}-${m}-${d}`;
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
  const ms = utcMs(date);
  const out = Number.isNaN(ms) ? "" : isoDay(ms + n * MS_PER_DAY);
  // Invalid input or a result outside years 0001–9999: luxon's answer.
  return DATE_RE.test(out) ? out : DateTime.fromISO(date, { zone: "UTC" }).plus({ days: n }).toISODate()!;
}

/** Whole calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  const ma = utcMs(a);
  const mb = utcMs(b);
  if (Number.isNaN(ma) || Number.isNaN(mb))
    return Math.round(
      DateTime.fromISO(b, { zone: "UTC" }).diff(DateTime.fromISO(a, { zone: "UTC" }), "days").days,
    );
  return Math.round((mb - ma) / MS_PER_DAY);
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
