// The fast slot generator against a plain luxon one (every day and every wall time asked
// of luxon, every slot checked against every busy interval) over zones with unusual rules.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { generateSlots, weekdays, type Interval, type SlotQuery, type SlotRules } from "./generate-slots";
import { offsetAt, offsetTable } from "./zone-offsets";

const MIN = 60_000;
const DAY = 86_400_000;

function referenceSlots(rules: SlotRules, q: SlotQuery): number[] {
  const dur = rules.durationMin * MIN;
  const step = Math.max(5, rules.stepMin) * MIN;
  const lo = Math.max(q.from, q.now + rules.minNoticeMin * MIN);
  const hi = Math.min(q.to, q.now + rules.maxDaysAhead * DAY);
  if (hi <= lo) return [];
  const wall = (d: DateTime, hhmm: string) => {
    const [h = 0, m = 0] = hhmm.split(":").map(Number);
    return h >= 24 ? d.plus({ days: 1 }).toMillis() : d.set({ hour: h, minute: m }).toMillis();
  };
  const out = new Set<number>();
  // Each day from its calendar date (not by adding a day to the last one, which after a
  // skipped midnight would start every later day at 01:00).
  const dayStart = (date: string) => DateTime.fromISO(date, { zone: rules.timeZone }).startOf("day");
  const nextDate = (d: DateTime) =>
    DateTime.fromISO(d.toISODate()!, { zone: "UTC" }).plus({ days: 1 }).toISODate()!;
  for (
    let d = dayStart(DateTime.fromMillis(lo, { zone: rules.timeZone }).toISODate()!);
    d.toMillis() <= hi;
  ) {
    const next = dayStart(nextDate(d));
    const booked = q.bookedStarts.filter((s) => s >= d.toMillis() && s < next.toMillis()).length;
    const ranges =
      rules.overrides.find((o) => o.date === d.toISODate())?.ranges ??
      rules.weeklyHours[weekdays[d.weekday - 1]!] ??
      [];
    if (rules.dailyCap === null || booked < rules.dailyCap) {
      for (const r of ranges) {
        for (let t = wall(d, r.start); t + dur <= wall(d, r.end); t += step) {
          const a = t - rules.bufferBeforeMin * MIN;
          const b = t + dur + rules.bufferAfterMin * MIN;
          if (t >= lo && t < hi && !q.busy.some((x) => x.end > x.start && x.start < b && x.end > a))
            out.add(t);
        }
      }
    }
    d = next;
  }
  return [...out].sort((a, b) => a - b);
}

function rng(seed: number) {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const ZONES = [
  "Europe/London",
  "America/New_York",
  "Australia/Lord_Howe", // 30-minute DST
  "America/Santiago", // changes at midnight
  "America/Havana", // changes at midnight
  "Africa/Casablanca", // a month without summer time around Ramadan
  "Pacific/Chatham", // +12:45 / +13:45
  "Asia/Kolkata", // no DST
];

describe("generateSlots matches a plain luxon computation", () => {
  it.each(ZONES)("in %s over random windows, hours, overrides, buffers and busy times", (zone) => {
    const rnd = rng(zone.length * 7919);
    for (let run = 0; run < 12; run++) {
      const now =
        Date.parse("2026-01-01T00:00:00Z") + Math.floor(rnd() * 700) * DAY + Math.floor(rnd() * DAY);
      const hours = (): { start: string; end: string }[] => {
        const a = Math.floor(rnd() * 20);
        const b = a + 1 + Math.floor(rnd() * (24 - a));
        const hh = (h: number) => `${String(h).padStart(2, "0")}:${rnd() < 0.3 ? "30" : "00"}`;
        return rnd() < 0.15 ? [] : [{ start: hh(a), end: b >= 24 ? "24:00" : hh(b) }];
      };
      const date = (n: number) => DateTime.fromMillis(now + n * DAY, { zone }).toISODate()!;
      const rules: SlotRules = {
        timeZone: zone,
        weeklyHours: Object.fromEntries(weekdays.map((w) => [w, [...hours(), ...hours()]])),
        overrides: [
          { date: date(3), ranges: [] },
          { date: date(5), ranges: [{ start: "00:00", end: "24:00" }] },
        ],
        durationMin: [15, 30, 50, 60, 90][Math.floor(rnd() * 5)]!,
        bufferBeforeMin: Math.floor(rnd() * 3) * 10,
        bufferAfterMin: Math.floor(rnd() * 3) * 10,
        stepMin: [15, 30, 60][Math.floor(rnd() * 3)]!,
        minNoticeMin: Math.floor(rnd() * 600),
        maxDaysAhead: 60,
        dailyCap: rnd() < 0.5 ? null : 1 + Math.floor(rnd() * 4),
      };
      const busy: Interval[] = Array.from({ length: 80 }, () => {
        const start = now + Math.floor(rnd() * 60 * DAY);
        return { start, end: start + Math.floor(rnd() * 8) * 15 * MIN };
      });
      const q: SlotQuery = {
        now,
        from: now - Math.floor(rnd() * DAY),
        to: now + Math.floor(rnd() * 62 * DAY),
        busy,
        bookedStarts: busy.slice(0, 20).map((b) => b.start),
      };
      expect(generateSlots(rules, q).map((s) => s.start)).toEqual(referenceSlots(rules, q));
    }
  });
});

describe("zone offsets", () => {
  it("reads the offset Intl gives, and finds each change to the minute", () => {
    expect(offsetAt("Europe/London", Date.parse("2026-07-01T12:00:00Z"))).toBe(3_600_000);
    expect(offsetAt("Asia/Kolkata", Date.parse("2026-07-01T12:00:00.789Z"))).toBe(19_800_000);
    const t = offsetTable(
      "America/New_York",
      Date.parse("2026-01-01T00:00:00Z"),
      Date.parse("2027-01-01T00:00:00Z"),
    );
    const expected = [Date.parse("2026-03-08T07:00:00Z"), Date.parse("2026-11-01T06:00:00Z")];
    expect(t.changes).toHaveLength(3);
    t.changes.slice(1).forEach((c, i) => {
      expect(c).toBeGreaterThan(expected[i]!);
      expect(c).toBeLessThanOrEqual(expected[i]! + 60_000);
    });
    expect(t.offsets).toEqual([-5 * 3_600_000, -4 * 3_600_000, -5 * 3_600_000]);
  });
});
