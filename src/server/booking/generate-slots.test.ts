import { describe, expect, it } from "vitest";
import { generateSlots, type SlotRules } from "./generate-slots";

const rules = (over: Partial<SlotRules> = {}): SlotRules => ({
  timeZone: "Europe/London",
  weeklyHours: {},
  overrides: [],
  durationMin: 60,
  bufferBeforeMin: 0,
  bufferAfterMin: 0,
  stepMin: 60,
  minNoticeMin: 0,
  maxDaysAhead: 365,
  dailyCap: null,
  ...over,
});
const at = (iso: string) => Date.parse(iso);
const iso = (slots: { start: number }[]) => slots.map((s) => new Date(s.start).toISOString());
const query = (from: string, to: string, extra: Partial<Parameters<typeof generateSlots>[1]> = {}) => ({
  now: at("2026-01-01T00:00:00Z"),
  from: at(from),
  to: at(to),
  busy: [],
  bookedStarts: [],
  ...extra,
});

describe("generateSlots", () => {
  it("keeps wall-clock hours across the London spring-forward and fall-back", () => {
    const r = rules({
      weeklyHours: { sat: [{ start: "09:00", end: "11:00" }], sun: [{ start: "09:00", end: "11:00" }] },
    });
    // Sat 28 Mar 2026 is GMT, Sun 29 Mar is BST (clocks go forward at 01:00).
    expect(iso(generateSlots(r, query("2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z")))).toEqual([
      "2026-03-28T09:00:00.000Z",
      "2026-03-28T10:00:00.000Z",
      "2026-03-29T08:00:00.000Z",
      "2026-03-29T09:00:00.000Z",
    ]);
    // Sat 24 Oct is BST, Sun 25 Oct is GMT again.
    expect(iso(generateSlots(r, query("2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z")))).toEqual([
      "2026-10-24T08:00:00.000Z",
      "2026-10-24T09:00:00.000Z",
      "2026-10-25T09:00:00.000Z",
      "2026-10-25T10:00:00.000Z",
    ]);
  });

  it("spans the missing hour on the London spring-forward night by real elapsed time", () => {
    // 00:30–03:30 local on 29 Mar is only two real hours (01:00–02:00 does not exist).
    const r = rules({ overrides: [{ date: "2026-03-29", ranges: [{ start: "00:30", end: "03:30" }] }] });
    expect(iso(generateSlots(r, query("2026-03-28T12:00:00Z", "2026-03-30T00:00:00Z")))).toEqual([
      "2026-03-29T00:30:00.000Z",
      "2026-03-29T01:30:00.000Z",
    ]);
  });

  it("handles New York's DST changes, including the repeated hour in November", () => {
    const r = rules({
      timeZone: "America/New_York",
      weeklyHours: { sun: [{ start: "00:00", end: "04:00" }] },
    });
    // 8 Mar 2026: 02:00 EST jumps to 03:00 EDT → three real hours.
    expect(iso(generateSlots(r, query("2026-03-08T00:00:00Z", "2026-03-09T12:00:00Z")))).toEqual([
      "2026-03-08T05:00:00.000Z",
      "2026-03-08T06:00:00.000Z",
      "2026-03-08T07:00:00.000Z",
    ]);
    // 1 Nov 2026: 01:00–02:00 happens twice → five real hours.
    expect(iso(generateSlots(r, query("2026-11-01T00:00:00Z", "2026-11-02T12:00:00Z")))).toEqual([
      "2026-11-01T04:00:00.000Z",
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T08:00:00.000Z",
    ]);
    const weekday = rules({
      timeZone: "America/New_York",
      weeklyHours: { mon: [{ start: "09:00", end: "10:00" }] },
    });
    expect(iso(generateSlots(weekday, query("2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z")))).toEqual([
      "2026-11-02T14:00:00.000Z",
    ]);
  });

  it("keeps later days at their hours after a zone skips midnight (Santiago)", () => {
    // Sun 6 Sep 2026: Santiago's clocks go from 00:00 -04 straight to 01:00 -03.
    const day = [{ start: "09:00", end: "10:00" }];
    const r = rules({ timeZone: "America/Santiago", weeklyHours: { sat: day, sun: day, mon: day } });
    expect(iso(generateSlots(r, query("2026-09-05T00:00:00Z", "2026-09-08T00:00:00Z")))).toEqual([
      "2026-09-05T13:00:00.000Z",
      "2026-09-06T12:00:00.000Z",
      "2026-09-07T12:00:00.000Z",
    ]);
  });

  it("uses several ranges a day, the step, and date overrides (day off, extra day)", () => {
    const r = rules({
      timeZone: "UTC",
      durationMin: 30,
      stepMin: 30,
      weeklyHours: {
        mon: [
          { start: "09:00", end: "10:00" },
          { start: "14:00", end: "15:00" },
        ],
      },
      overrides: [
        { date: "2026-06-08", ranges: [] },
        { date: "2026-06-13", ranges: [{ start: "10:00", end: "11:00" }] },
      ],
    });
    expect(iso(generateSlots(r, query("2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z")))).toEqual([
      "2026-06-01T09:00:00.000Z",
      "2026-06-01T09:30:00.000Z",
      "2026-06-01T14:00:00.000Z",
      "2026-06-01T14:30:00.000Z",
    ]);
    // Monday 8 June is a day off; Saturday 13 June is an extra day.
    expect(iso(generateSlots(r, query("2026-06-07T00:00:00Z", "2026-06-14T00:00:00Z")))).toEqual([
      "2026-06-13T10:00:00.000Z",
      "2026-06-13T10:30:00.000Z",
    ]);
  });

  it("keeps buffers clear of busy time and skips slots that meet a busy event", () => {
    const r = rules({ timeZone: "UTC", weeklyHours: { mon: [{ start: "09:00", end: "13:00" }] } });
    const busy = [{ start: at("2026-06-01T10:30:00Z"), end: at("2026-06-01T10:45:00Z") }];
    const q = query("2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z", { busy });
    expect(iso(generateSlots(r, q))).toEqual([
      "2026-06-01T09:00:00.000Z",
      "2026-06-01T11:00:00.000Z",
      "2026-06-01T12:00:00.000Z",
    ]);
    // 45 min after the 09:00 session reaches into the busy 10:30; 15 min before 11:00 just touches it.
    const buffered = rules({ ...r, bufferAfterMin: 45, bufferBeforeMin: 15 });
    expect(iso(generateSlots(buffered, q))).toEqual(["2026-06-01T11:00:00.000Z", "2026-06-01T12:00:00.000Z"]);
    // 30 min before 11:00 meets it too.
    const before = rules({ ...r, bufferBeforeMin: 30 });
    expect(iso(generateSlots(before, q))).toEqual(["2026-06-01T09:00:00.000Z", "2026-06-01T12:00:00.000Z"]);
    // Touching (end == start) is not an overlap.
    const touching = [{ start: at("2026-06-01T10:00:00Z"), end: at("2026-06-01T11:00:00Z") }];
    expect(iso(generateSlots(r, { ...q, busy: touching }))).toEqual([
      "2026-06-01T09:00:00.000Z",
      "2026-06-01T11:00:00.000Z",
      "2026-06-01T12:00:00.000Z",
    ]);
  });

  it("honours minimum notice, how far ahead, and the daily cap", () => {
    const r = rules({
      timeZone: "UTC",
      weeklyHours: { mon: [{ start: "09:00", end: "12:00" }], tue: [{ start: "09:00", end: "12:00" }] },
    });
    const now = at("2026-06-01T08:30:00Z");
    const q = query("2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", { now });
    expect(iso(generateSlots({ ...r, minNoticeMin: 120 }, q))).toEqual([
      "2026-06-01T11:00:00.000Z",
      "2026-06-02T09:00:00.000Z",
      "2026-06-02T10:00:00.000Z",
      "2026-06-02T11:00:00.000Z",
    ]);
    // One day ahead from Monday 08:30 ends before Tuesday's 09:00.
    expect(iso(generateSlots({ ...r, maxDaysAhead: 1 }, q))).toEqual([
      "2026-06-01T09:00:00.000Z",
      "2026-06-01T10:00:00.000Z",
      "2026-06-01T11:00:00.000Z",
    ]);
    const capped = generateSlots({ ...r, dailyCap: 1 }, { ...q, bookedStarts: [at("2026-06-01T15:00:00Z")] });
    expect(iso(capped)).toEqual([
      "2026-06-02T09:00:00.000Z",
      "2026-06-02T10:00:00.000Z",
      "2026-06-02T11:00:00.000Z",
    ]);
  });

  it("returns nothing for an empty or inverted window", () => {
    const r = rules({ timeZone: "UTC", weeklyHours: { mon: [{ start: "09:00", end: "12:00" }] } });
    expect(generateSlots(r, query("2026-06-02T00:00:00Z", "2026-06-01T00:00:00Z"))).toEqual([]);
  });
});
