import { afterEach, describe, expect, it, vi } from "vitest";
import { beginBreakerCall, breakerState, resetCircuitBreakers } from "./circuit-breaker";

const o = { threshold: 2, openMs: 1000 };

describe("circuit breaker (cockatiel)", () => {
  afterEach(() => {
    vi.useRealTimers();
    resetCircuitBreakers();
  });

  it("opens after consecutive failures, fails fast, then lets one trial through", async () => {
    vi.useFakeTimers();
    beginBreakerCall("k", o).lease!.failure();
    await vi.advanceTimersByTimeAsync(0);
    expect(beginBreakerCall("k", o).lease).not.toBeNull();
    // (that call is still in flight: settle it as a failure too)
    const second = beginBreakerCall("k", o).lease!;
    second.failure();
    await vi.advanceTimersByTimeAsync(0);
    expect(breakerState("k")).toBe("open");
    const refused = beginBreakerCall("k", o);
    expect(refused.lease).toBeNull();
    await vi.advanceTimersByTimeAsync(1001);
    const trial = beginBreakerCall("k", o).lease!;
    expect(trial).not.toBeNull();
    expect(breakerState("k")).toBe("half-open");
    trial.success();
    await vi.advanceTimersByTimeAsync(0);
    expect(breakerState("k")).toBe("closed");
  });

  it("never counts ignored outcomes (a cancelled call) and keeps keys apart", async () => {
    for (let i = 0; i < 5; i++) {
      beginBreakerCall("a", o).lease!.ignore();
      await Promise.resolve();
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(breakerState("a")).toBe("closed");
    beginBreakerCall("b", o).lease!.failure();
    beginBreakerCall("b", o).lease!.failure();
    await new Promise((r) => setTimeout(r, 0));
    expect(breakerState("b")).toBe("open");
    expect(breakerState("a")).toBe("closed");
  });
});
