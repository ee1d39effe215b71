import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

describe("backoffDelay", () => {
  const b = { type: "exponential" as const, delayMs: 1000 };

  it("doubles per attempt within the jitter band", () => {
    expect(backoffDelay(b, 1, () => 1)).toBe(1000);
    expect(backoffDelay(b, 2, () => 1)).toBe(2000);
    expect(backoffDelay(b, 3, () => 0)).toBe(2000);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(b, 4);
      expect(d).toBeGreaterThanOrEqual(4000);
      expect(d).toBeLessThanOrEqual(8000);
    }
  });

  it("caps the delay", () => {
    expect(backoffDelay({ ...b, maxDelayMs: 5000 }, 20, () => 1)).toBe(5000);
  });
});
