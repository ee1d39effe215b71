import { describe, expect, it } from "vitest";
import { QUOTA_COST, quotaWindow } from "./quota";

describe("quotaWindow", () => {
  it("never lets a sliding minute exceed the budget, and fits the costliest call", () => {
    const maxCost = Math.max(...Object.values(QUOTA_COST));
    for (const units of [6_000, 15_000, 250_000, 3_000, 1_300]) {
      const { points, durationSec } = quotaWindow(units);
      // A sliding 60 s window overlaps at most 60/d + 1 fixed windows of d seconds.
      expect((60 / durationSec + 1) * points).toBeLessThanOrEqual(units);
      expect(points).toBeGreaterThanOrEqual(maxCost);
    }
  });

  it("keeps nearly the whole budget for Google's default 6,000 units a minute", () => {
    const { points, durationSec } = quotaWindow(6_000);
    expect((points * 60) / durationSec).toBeGreaterThanOrEqual(6_000 * 0.95);
  });

  it("falls back to one 60 s window for budgets too small to split", () => {
    expect(quotaWindow(12)).toEqual({ points: 12, durationSec: 60 });
  });
});
