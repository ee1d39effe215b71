import { describe, expect, it } from "vitest";
import { addDays, localDateOf, startOfLocalDay } from "../followups/local-time";
import { daysSince, describeRhythm, dueCutoff, dueFrom, isDue } from "./rhythm-math";

const at = (iso: string) => new Date(iso);

describe("rhythm maths in the user's zone", () => {
  it("counts local calendar days across the London spring-forward (29 March 2026)", () => {
    const tz = "Europe/London";
    // 00:30 local on 20 March (GMT) is 00:30Z; 14 days later is 3 April whatever the clock did.
    expect(dueFrom(at("2026-03-20T00:30:00Z"), 14, tz)).toBe("2026-04-03");
    expect(isDue(at("2026-03-20T00:30:00Z"), 14, "2026-04-02", tz)).toBe(false);
    expect(isDue(at("2026-03-20T00:30:00Z"), 14, "2026-04-03", tz)).toBe(true);
    // After the change local midnight is 23:00Z the day before.
    expect(dueCutoff(7, "2026-04-10", tz).toISOString()).toBe("2026-04-03T23:00:00.000Z");
    expect(localDateOf(at("2026-04-03T23:30:00Z"), tz)).toBe("2026-04-04");
    expect(isDue(at("2026-04-03T23:30:00Z"), 7, "2026-04-10", tz)).toBe(false);
    expect(isDue(at("2026-04-03T22:59:00Z"), 7, "2026-04-10", tz)).toBe(true);
  });

  it("counts local calendar days across the New York fall-back (1 November 2026)", () => {
    const tz = "America/New_York";
    // 23:30 EDT on 31 October is 03:30Z on 1 November: still the 31st locally.
    expect(localDateOf(at("2026-11-01T03:30:00Z"), tz)).toBe("2026-10-31");
    expect(dueFrom(at("2026-11-01T03:30:00Z"), 21, tz)).toBe("2026-11-21");
    expect(daysSince(at("2026-11-01T03:30:00Z"), "2026-11-21", tz)).toBe(21);
    // Local midnight moves from 04:00Z (EDT) to 05:00Z (EST).
    expect(startOfLocalDay("2026-11-01", tz).toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(startOfLocalDay("2026-11-02", tz).toISOString()).toBe("2026-11-02T05:00:00.000Z");
  });

  it("the SQL cut-off agrees with the calendar rule for every few hours around both zones' DST changes", () => {
    for (const [tz, days] of [
      ["Europe/London", ["2026-03-29", "2026-10-25"]],
      ["America/New_York", ["2026-03-08", "2026-11-01"]],
    ] as const) {
      for (const change of days)
        for (const every of [1, 7, 14, 21])
          for (let h = -50; h <= 50; h += 5) {
            const last = new Date(startOfLocalDay(change, tz).getTime() + h * 3_600_000 + 17 * 60_000);
            for (const offset of [every - 1, every, every + 1]) {
              const today = addDays(localDateOf(last, tz), offset);
              const bySql = last.getTime() < dueCutoff(every, today, tz).getTime();
              expect(bySql, `${tz} ${last.toISOString()} every ${every} today ${today}`).toBe(
                isDue(last, every, today, tz),
              );
            }
          }
    }
  });

  it("adds the at-risk margin to the rhythm", () => {
    const tz = "UTC";
    expect(dueCutoff(21, "2026-06-30", tz, 14).toISOString()).toBe(
      startOfLocalDay(addDays("2026-06-30", -34), tz).toISOString(),
    );
  });

  it("describes rhythms in words", () => {
    expect(describeRhythm(21)).toBe("every 3 weeks");
    expect(describeRhythm(7)).toBe("every week");
    expect(describeRhythm(10)).toBe("every 10 days");
    expect(describeRhythm(1)).toBe("every day");
  });
});
