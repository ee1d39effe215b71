// A time zone's UTC offsets over a window, found with a handful of Intl calls, so slot
// generation does plain arithmetic on every day that has no offset change and asks luxon
// only about the few days around one (luxon asks Intl several times per operation, which
// was most of the slot computation's time).

const SAMPLE_STEP = 7 * 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset (local wall clock minus UTC, ms) at instant `t`. */
export function offsetAt(zone: string, t: number): number {
  // "12/7/2026, 21:05:09": six numbers, read in one pass (format() is ~4× cheaper than
  // formatToParts()).
  const s = formatter(zone).format(t);
  const n = [0, 0, 0, 0, 0, 0];
  let k = 0;
  let inNumber = false;
  for (let i = 0; i < s.length && k < 6; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      n[k] = n[k]! * 10 + c;
      inNumber = true;
    } else if (inNumber) {
      k++;
      inNumber = false;
    }
  }
  const [month, day, year, hour, minute, second] = n as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour % 24, minute, second);
  return wall - Math.floor(t / 1000) * 1000;
}

/** Offsets in force over a window: `offsets[i]` applies from `changes[i]` (the first from −∞). */
export type OffsetTable = { changes: number[]; offsets: number[] };

/**
 * Samples the offset weekly across [from, to] and bisects each change to the minute. Two
 * changes less than a week apart would be seen as none; the closest any zone's rules put
 * them is Morocco's month without summer time around Ramadan.
 */
export function offsetTable(zone: string, from: number, to: number): OffsetTable {
  const changes = [-Infinity];
  let current = offsetAt(zone, from);
  const offsets = [current];
  for (let t = from; t < to;) {
    const next = Math.min(t + SAMPLE_STEP, to);
    const o = offsetAt(zone, next);
    if (o !== current) {
      let a = t;
      let b = next;
      while (b - a > 60_000) {
        const mid = Math.floor((a + b) / 2);
        if (offsetAt(zone, mid) === current) a = mid;
        else b = mid;
      }
      changes.push(b);
      offsets.push(o);
      current = o;
    }
    t = next;
  }
  return { changes, offsets };
}

export function offsetIn(table: OffsetTable, t: number): number {
  let i = table.changes.length - 1;
  while (i > 0 && table.changes[i]! > t) i--;
  return table.offsets[i]!;
}

/** Does the offset change anywhere in [from, to]? */
export function changesWithin(table: OffsetTable, from: number, to: number): boolean {
  for (let i = 1; i < table.changes.length; i++) {
    const c = table.changes[i]!;
    if (c >= from && c <= to) return true;
  }
  return false;
}
