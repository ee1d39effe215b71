import { describe, expect, it } from "vitest";
import { describeOverride, parseOverride, upcomingOverrides, upsertOverride } from "./date-override-edit";

describe("date override form", () => {
  it("reads a day off and extra hours, and refuses what the API would", () => {
    expect(parseOverride("2026-12-24", "", true)).toEqual({
      ok: true,
      value: { date: "2026-12-24", ranges: [] },
    });
    expect(parseOverride("2026-12-27", "10:00-13:00, 15:00-16:30", false)).toEqual({
      ok: true,
      value: {
        date: "2026-12-27",
        ranges: [
          { start: "10:00", end: "13:00" },
          { start: "15:00", end: "16:30" },
        ],
      },
    });
    expect(parseOverride("", "10:00-12:00", false)).toEqual({ ok: false, error: "Choose a date." });
    expect(parseOverride("2026-12-27", " ", false)).toMatchObject({ ok: false, error: /Enter hours/ });
    expect(parseOverride("2026-12-27", "9-12", false)).toMatchObject({
      ok: false,
      error: /^Hours: use HH:mm/,
    });
    expect(parseOverride("2026-12-27", "13:00-12:00", false)).toMatchObject({
      ok: false,
      error: /must end after it starts/,
    });
  });

  it("keeps one override per date, in date order, and hides past ones", () => {
    const off = { date: "2026-12-24", ranges: [] };
    const extra = { date: "2026-12-20", ranges: [{ start: "10:00", end: "12:00" }] };
    const list = upsertOverride(upsertOverride([], off), extra);
    expect(list.map((o) => o.date)).toEqual(["2026-12-20", "2026-12-24"]);
    const replaced = upsertOverride(list, { date: "2026-12-24", ranges: [{ start: "09:00", end: "10:00" }] });
    expect(replaced.map(describeOverride)).toEqual(["10:00–12:00", "09:00–10:00"]);
    expect(upcomingOverrides(replaced, "2026-12-21").map((o) => o.date)).toEqual(["2026-12-24"]);
    expect(describeOverride(off)).toBe("Day off");
  });
});
