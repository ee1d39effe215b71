import { describe, expect, it } from "vitest";
import { stallTimings } from "./stall-timings";

describe("stallTimings", () => {
  it("keeps the former fixed timings at the default of 30 s", () => {
    expect(stallTimings(30)).toEqual({
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      slotLeaseMs: 30_000,
      heartbeatMs: 10_000,
    });
  });

  it("beats three times per stall period when shorter, never slower than every 10 s", () => {
    expect(stallTimings(6).heartbeatMs).toBe(2_000);
    expect(stallTimings(300)).toMatchObject({ lockDurationMs: 300_000, heartbeatMs: 10_000 });
  });
});
