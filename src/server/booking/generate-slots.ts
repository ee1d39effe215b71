import { DateTime } from "luxon";
import { weekdays, type Weekday } from "./constants";
import { changesWithin, offsetIn, offsetTable } from "./zone-offsets";

/** "HH:mm" wall-clock bounds; "24:00" is the end of the day. */
export type HourRange = { start: string; end: string };
// Kept with the schemas in a luxon-free module, so forms can import the schemas.
export { weekdays, type Weekday } from "./constants";
export type WeeklyHours = Partial<Record<Weekday, HourRange[]>>;
/** A date's own hours replace the weekly ones: `[]` is a day off, ranges on a free day add one. */
export type DateOverride = { date: string; ranges: HourRange[] };
export type Interval = { start: number; end: number };

export type SlotRules = {
  timeZone: string;
  weeklyHours: WeeklyHours;
  overrides: DateOverride[];
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  stepMin: number;
  minNoticeMin: number;
  maxDaysAhead: number;
  /** Most bookings on one local day (null = no cap). */
  dailyCap: number | null;
};

export type SlotQuery = {
  now: number;
  from: number;
  to: number;
  /** Busy instants: Google free/busy plus existing bookings' blocked ranges (buffers included). */
  busy: Interval[];
  /** Start instants of the confirmed bookings, for the daily cap. */
  bookedStarts: number[];
};

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

type Day = { start: number; end: number; ranges: HourRange[]; dt: DateTime | null };

/**
 * The bookable slots in [from, to), computed on the practitioner's wall clock: each day's
 * ranges are placed in their zone (so a DST change moves the instants, never the hours),
 * slots start every `stepMin` from a range's start and must end within it, and a slot is
 * free when the span it blocks (buffers included, which may reach outside the hours) meets
 * no busy interval. Pure: the same input gives the same slots.
 */
export function generateSlots(rules: SlotRules, q: SlotQuery): Interval[] {
  const dur = rules.durationMin * MIN;
  const step = Math.max(5, rules.stepMin) * MIN;
  const before = rules.bufferBeforeMin * MIN;
  const after = rules.bufferAfterMin * MIN;
  const lo = Math.max(q.from, q.now + rules.minNoticeMin * MIN);
  const hi = Math.min(q.to, q.now + rules.maxDaysAhead * 1440 * MIN);
  if (hi <= lo || dur <= 0) return [];
  const busy = mergeIntervals(q.busy);
  const days = localDays(rules, lo, hi);
  const perDay = new Array<number>(days.length).fill(0);
  if (rules.dailyCap !== null) {
    for (const s of q.bookedStarts) {
      const k = dayIndex(days, s);
      if (k >= 0) perDay[k]!++;
    }
  }
  const out: Interval[] = [];
  // Slot spans mostly come in ascending order, so the busy list is swept with one cursor
  // (moved back by a binary search when a range starts earlier than the last slot).
  let j = 0;
  let lastFrom = -Infinity;
  let sorted = true;
  for (let k = 0; k < days.length; k++) {
    const d = days[k]!;
    if (rules.dailyCap !== null && perDay[k]! >= rules.dailyCap) continue;
    for (const r of d.ranges) {
      // A normal day is 24 h long: wall time = midnight + minutes. A DST day asks the zone.
      const rs = d.dt ? atWallTime(d.dt, r.start) : d.start + minutesOf(r.start) * MIN;
      const re = d.dt ? atWallTime(d.dt, r.end) : d.start + minutesOf(r.end) * MIN;
      for (let t = rs; t + dur <= re; t += step) {
        if (t < lo) continue;
        if (t >= hi) break;
        const from = t - before;
        if (from < lastFrom) {
          j = firstEndingAfter(busy, from);
          sorted = false;
        }
        lastFrom = from;
        while (j < busy.length && busy[j]!.end <= from) j++;
        const hit = busy[j];
        if (hit === undefined || hit.start >= t + dur + after) out.push({ start: t, end: t + dur });
      }
    }
  }
  if (!sorted) out.sort((a, b) => a.start - b.start);
  return dedupe(out);
}

/**
 * The practitioner's local days from the one holding `lo` to the last starting by `hi`, with
 * their hours. Days with no offset change near them are exact 24-hour steps from local
 * midnight; luxon places the few days around a change.
 */
function localDays(rules: SlotRules, lo: number, hi: number): Day[] {
  const zone = rules.timeZone;
  const table = offsetTable(zone, lo - 2 * DAY, hi + 2 * DAY);
  const overrides = new Map<number, HourRange[]>();
  for (const o of rules.overrides) {
    const at = Date.parse(`${o.date}T00:00:00Z`);
    if (Number.isFinite(at)) overrides.set(at / DAY, o.ranges);
  }
  const days: Day[] = [];
  for (let n = Math.floor((lo + offsetIn(table, lo)) / DAY); ; n++) {
    const wall = n * DAY;
    const start = wall - offsetIn(table, wall - offsetIn(table, wall));
    if (start > hi) break;
    // Thursday 1970-01-01 is local day 0; luxon's weekday 1 is Monday.
    const ranges = overrides.get(n) ?? rules.weeklyHours[weekdays[(n + 3) % 7]!] ?? [];
    // Offsets move by at most a few hours, so with no change within 3 h of the day the
    // offset is the same all day and midnight + 24 h is exact.
    if (!changesWithin(table, start - 3 * HOUR, start + DAY + 3 * HOUR)) {
      days.push({ start, end: start + DAY, ranges, dt: null });
      continue;
    }
    // Each midnight is placed on its own: where a zone skips midnight (Santiago, Havana) the
    // day starts at 01:00, and adding a day to that would start every later day at 01:00.
    const dt = localMidnight(wall, zone);
    if (dt.toMillis() > hi) break;
    days.push({ start: dt.toMillis(), end: localMidnight(wall + DAY, zone).toMillis(), ranges, dt });
  }
  return days;
}

function localMidnight(wall: number, zone: string): DateTime {
  return DateTime.fromMillis(wall, { zone: "UTC" }).setZone(zone, { keepLocalTime: true }).startOf("day");
}

function minutesOf(hhmm: string): number {
  // "HH:mm" is validated by the schema; read the digits without allocating.
  const d = (i: number) => hhmm.charCodeAt(i) - 48;
  return (d(0) * 10 + d(1)) * 60 + d(3) * 10 + d(4);
}

function dayIndex(days: { start: number; end: number }[], t: number): number {
  let a = 0;
  let b = days.length - 1;
  while (a <= b) {
    const mid = (a + b) >> 1;
    const d = days[mid]!;
    if (t < d.start) b = mid - 1;
    else if (t >= d.end) a = mid + 1;
    else return mid;
  }
  return -1;
}

function atWallTime(day: DateTime, hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  if (h >= 24) return day.plus({ days: 1 }).toMillis();
  // A wall time inside a spring-forward gap moves forward by the gap (luxon's rule).
  return day.set({ hour: h, minute: m }).toMillis();
}

export function localDate(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISODate()!;
}

export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** Index of the first merged interval that ends after `t` (binary search). */
function firstEndingAfter(merged: Interval[], t: number): number {
  let a = 0;
  let b = merged.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (merged[mid]!.end <= t) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** Does [start, end) meet any of the merged, sorted intervals? */
export function overlaps(merged: Interval[], start: number, end: number): boolean {
  const hit = merged[firstEndingAfter(merged, start)];
  return hit !== undefined && hit.start < end;
}

function dedupe(slots: Interval[]): Interval[] {
  return slots.filter((s, i) => i === 0 || s.start !== slots[i - 1]!.start);
}
