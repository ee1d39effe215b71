import { DateTime } from "luxon";

/** "HH:mm" wall-clock bounds; "24:00" is the end of the day. */
export type HourRange = { start: string; end: string };
export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];
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
  const overrides = new Map(rules.overrides.map((o) => [o.date, o.ranges]));
  // Local days from the first to the last slot start, each with its midnight instant.
  const days: { date: string; weekday: number; start: number; end: number; day: DateTime }[] = [];
  let day = DateTime.fromMillis(lo, { zone: rules.timeZone }).startOf("day");
  while (day.toMillis() <= hi) {
    const next = day.plus({ days: 1 });
    days.push({
      date: day.toISODate()!,
      weekday: day.weekday,
      start: day.toMillis(),
      end: next.toMillis(),
      day,
    });
    day = next;
  }
  const perDay = new Array<number>(days.length).fill(0);
  if (rules.dailyCap !== null) {
    for (const s of q.bookedStarts) {
      const k = dayIndex(days, s);
      if (k >= 0) perDay[k]!++;
    }
  }
  const out: Interval[] = [];
  days.forEach((d, k) => {
    if (rules.dailyCap !== null && perDay[k]! >= rules.dailyCap) return;
    const ranges = overrides.get(d.date) ?? rules.weeklyHours[weekdays[d.weekday - 1]!] ?? [];
    // A normal day is 24 h long: wall time = midnight + minutes. A DST day asks the zone.
    const plain = d.end - d.start === 1440 * MIN;
    for (const r of ranges) {
      const rs = plain ? d.start + minutesOf(r.start) * MIN : atWallTime(d.day, r.start);
      const re = plain ? d.start + minutesOf(r.end) * MIN : atWallTime(d.day, r.end);
      for (let t = rs; t + dur <= re; t += step) {
        if (t < lo) continue;
        if (t >= hi) break;
        if (!overlaps(busy, t - before, t + dur + after)) out.push({ start: t, end: t + dur });
      }
    }
  });
  out.sort((a, b) => a.start - b.start);
  return dedupe(out);
}

function minutesOf(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return h * 60 + m;
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

/** Binary search over merged, sorted intervals: does [start, end) meet any of them? */
export function overlaps(merged: Interval[], start: number, end: number): boolean {
  let a = 0;
  let b = merged.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (merged[mid]!.end <= start) a = mid + 1;
    else b = mid;
  }
  const hit = merged[a];
  return hit !== undefined && hit.start < end;
}

function dedupe(slots: Interval[]): Interval[] {
  return slots.filter((s, i) => i === 0 || s.start !== slots[i - 1]!.start);
}
