// Time-zone arithmetic with Intl only (no tz database dependency). Google
// returns dateTime in the calendar's zone with an explicit offset.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    });
    formatters.set(tz, f);
  }
  return f;
}

export type WallTime = {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  offsetMin: number;
};

export function wallTime(instant: number, tz: string): WallTime {
  const parts = Object.fromEntries(
    partsFormatter(tz)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const off = /GMT([+-])(\d{2}):?(\d{2})?/.exec(parts.timeZoneName ?? "");
  const offsetMin = off ? (off[1] === "-" ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3] ?? 0)) : 0;
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour),
    mi: Number(parts.minute),
    s: Number(parts.second),
    offsetMin,
  };
}

/** "2025-09-03T10:00:00-07:00" in the given zone. */
export function formatDateTime(instant: number, tz: string): string {
  const w = wallTime(instant, tz);
  const sign = w.offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(w.offsetMin);
  const p2 = (n: number) => String(n).padStart(2, "0");
  return `${w.y}-${p2(w.m)}-${p2(w.d)}T${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

/** Local wall-clock time in `tz` → instant (two passes settle DST transitions). */
export function zonedToInstant(y: number, m: number, d: number, h: number, mi: number, tz: string): number {
  const guess = Date.UTC(y, m - 1, d, h, mi);
  let instant = guess - wallTime(guess, tz).offsetMin * 60_000;
  instant = guess - wallTime(instant, tz).offsetMin * 60_000;
  return instant;
}

export function addDaysToDate(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

export type EventTime = { dateTime?: string; date?: string; timeZone?: string };

/** Instant of an event boundary; all-day dates start at midnight in the calendar's zone. */
export function eventInstant(t: EventTime, calendarTz: string): number {
  if (t.dateTime) return Date.parse(t.dateTime);
  const [y, m, d] = (t.date ?? "1970-01-01").split("-").map(Number);
  return zonedToInstant(y ?? 1970, m ?? 1, d ?? 1, 0, 0, t.timeZone ?? calendarTz);
}
