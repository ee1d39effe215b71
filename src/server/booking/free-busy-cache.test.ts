import { describe, expect, it } from "vitest";
import { cachedBusy, rememberBusy } from "./free-busy-cache";

const busy = [{ start: 10, end: 20 }];

describe("free/busy cache for slot views", () => {
  it("answers a window it covers while young enough, per user and calendar set", () => {
    rememberBusy("u1", ["primary"], { at: 1_000, from: 0, to: 100, busy });
    expect(cachedBusy("u1", ["primary"], { from: 5, to: 90, now: 20_000, maxAgeMs: 30_000 })).toBe(busy);
    // Too old, a wider window, another calendar set, another user: ask Google.
    expect(cachedBusy("u1", ["primary"], { from: 5, to: 90, now: 40_000, maxAgeMs: 30_000 })).toBeNull();
    expect(cachedBusy("u1", ["primary"], { from: 5, to: 101, now: 2_000, maxAgeMs: 30_000 })).toBeNull();
    expect(
      cachedBusy("u1", ["primary", "work"], { from: 5, to: 90, now: 2_000, maxAgeMs: 30_000 }),
    ).toBeNull();
    expect(cachedBusy("u2", ["primary"], { from: 5, to: 90, now: 2_000, maxAgeMs: 30_000 })).toBeNull();
  });

  it("keeps at most a thousand practitioners, dropping the oldest", () => {
    for (let i = 0; i < 1001; i++) rememberBusy(`cap-${i}`, ["primary"], { at: 0, from: 0, to: 10, busy });
    const w = { from: 0, to: 10, now: 0, maxAgeMs: 1 };
    expect(cachedBusy("cap-0", ["primary"], w)).toBeNull();
    expect(cachedBusy("cap-1", ["primary"], w)).toBe(busy);
    expect(cachedBusy("cap-1000", ["primary"], w)).toBe(busy);
  });
});
