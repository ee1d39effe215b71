import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, localDateOf } from "./local-time";

// The fast paths must give luxon's answers exactly (luxon remains the reference and the
// fallback): every few hours across two years in zones with and without DST, far offsets
// and a half-hour zone.
const ZONES = [
  "UTC",
  "Europe/London",
  "America/New_York",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Kolkata",
];

describe("local-time fast paths agree with luxon", () => {
  it("localDateOf", () => {
    for (const tz of ZONES)
      for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 5 * 3_600_000 + 17 * 60_000) {
        const d = new Date(ms);
        expect(localDateOf(d, tz)).toBe(DateTime.fromJSDate(d, { zone: tz }).toISODate());
      }
  });

  it("addDays and daysBetween, leap days, year one and invalid dates", () => {
    const luxAdd = (d: string, n: number) =>
      DateTime.fromISO(d, { zone: "UTC" }).plus({ days: n }).toISODate();
    for (const d of ["2024-02-28", "2024-02-29", "2025-12-31", "0001-01-01", "2026-03-29", "9999-12-30"])
      for (const n of [-400, -1, 0, 1, 2, 365, 366]) {
        expect(addDays(d, n)).toBe(luxAdd(d, n));
        expect(daysBetween(d, luxAdd(d, n)!)).toBe(n);
      }
    expect(addDays("2026-02-30", 1)).toBe(luxAdd("2026-02-30", 1)); // invalid: luxon's null
    expect(daysBetween("2026-01-01", "2026-02-30")).toBeNaN();
  });
});
