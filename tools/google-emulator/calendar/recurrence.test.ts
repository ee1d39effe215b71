import { describe, expect, it } from "vitest";
import { occurrences, parseRule } from "./recurrence";
import { formatDateTime, zonedToInstant } from "./time";

describe("time zones", () => {
  it("formats dateTime with the zone's offset, across DST", () => {
    expect(formatDateTime(Date.UTC(2025, 0, 15, 18), "America/Los_Angeles")).toBe(
      "2025-01-15T10:00:00-08:00",
    );
    expect(formatDateTime(Date.UTC(2025, 6, 15, 17), "America/Los_Angeles")).toBe(
      "2025-07-15T10:00:00-07:00",
    );
    expect(zonedToInstant(2025, 7, 15, 10, 0, "America/Los_Angeles")).toBe(Date.UTC(2025, 6, 15, 17));
  });
});

describe("recurrence", () => {
  it("expands weekly rules keeping wall-clock time over a DST change", () => {
    const rule = parseRule(["RRULE:FREQ=WEEKLY;COUNT=4"])!;
    const tz = "America/Los_Angeles";
    const occ = occurrences(
      { dateTime: "2025-02-25T18:00:00-08:00", timeZone: tz },
      { dateTime: "2025-02-25T19:15:00-08:00", timeZone: tz },
      rule,
      tz,
    );
    expect(occ.map((o) => o.start.dateTime)).toEqual([
      "2025-02-25T18:00:00-08:00",
      "2025-03-04T18:00:00-08:00",
      "2025-03-11T18:00:00-07:00",
      "2025-03-18T18:00:00-07:00",
    ]);
    expect(occ[0]?.idSuffix).toBe("20250226T020000Z");
  });

  it("honours INTERVAL and UNTIL, and all-day dates", () => {
    const rule = parseRule(["RRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20250105"])!;
    const occ = occurrences({ date: "2025-01-01" }, { date: "2025-01-02" }, rule, "UTC");
    expect(occ.map((o) => o.start.date)).toEqual(["2025-01-01", "2025-01-03", "2025-01-05"]);
    expect(parseRule(["RRULE:FREQ=MONTHLY"])).toBeNull();
  });
});
