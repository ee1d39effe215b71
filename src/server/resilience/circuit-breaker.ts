import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from "cockatiel";

/** How one kind of upstream (an AI provider, one user's Google API) trips and recovers. */
export type BreakerOptions = { threshold: number; openMs: number };

/** One call through the breaker: settle it exactly once. */
export type BreakerLease = {
  /** The upstream answered: closes a failure streak. */
  success(): void;
  /** The upstream failed (5xx, 429, timeout, network): counts toward opening. */
  failure(error?: unknown): void;
  /** The outcome says nothing about the upstream (the caller cancelled, our own bug). */
  ignore(): void;
};

class Ignored extends Error {}

type Entry = { policy: CircuitBreakerPolicy; openMs: number; openedAt: number };
const g = globalThis as unknown as { __omnicrmCircuitBreakers?: Map<string, Entry> };
const breakers = (g.__omnicrmCircuitBreakers ??= new Map());

function entry(key: string, o: BreakerOptions): Entry {
  let e = breakers.get(key);
  if (!e) {
    const policy = circuitBreaker(
      handleWhen((err) => !(err instanceof Ignored)),
      { halfOpenAfter: o.openMs, breaker: new ConsecutiveBreaker(o.threshold) },
    );
    const created: Entry = { policy, openMs: o.openMs, openedAt: 0 };
    policy.onBreak(() => (created.openedAt = Date.now()));
    breakers.set(key, created);
    e = created;
  }
  return e;
}

/**
 * The one circuit breaker (cockatiel) for every upstream, keyed per provider or per user
 * and Google API: after `threshold` consecutive failures calls fail fast for `openMs`,
 * then one trial call is let through (half-open). Calls whose outcome arrives later
 * (a streamed answer) hold a lease and settle it when they end.
 *
 * Returns null while the circuit is open (with how long until the next trial).
 */
export function beginBreakerCall(
  key: string,
  o: BreakerOptions,
): { lease: BreakerLease } | { lease: null; retryAfterMs: number } {
  const e = entry(key, o);
  let settle: { resolve: () => void; reject: (err: unknown) => void } | undefined;
  const outcome = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const abandon = new AbortController();
  let started = false;
  // cockatiel runs the function synchronously when the circuit lets the call through.
  e.policy
    .execute(() => {
      started = true;
      return outcome;
    }, abandon.signal)
    .catch(() => undefined);
  if (!started) {
    abandon.abort();
    return { lease: null, retryAfterMs: Math.max(0, e.openedAt + e.openMs - Date.now()) };
  }
  let done = false;
  const once = (f: () => void) => () => {
    if (done) return;
    done = true;
    f();
  };
  return {
    lease: {
      success: once(() => settle!.resolve()),
      failure: (err?: unknown) => once(() => settle!.reject(err ?? new Error("upstream failure")))(),
      ignore: once(() => settle!.reject(new Ignored())),
    },
  };
}

export function breakerState(key: string): "closed" | "open" | "half-open" | "unknown" {
  const s = breakers.get(key)?.policy.state;
  if (s === undefined) return "unknown";
  return s === CircuitState.Closed ? "closed" : s === CircuitState.HalfOpen ? "half-open" : "open";
}

/** For tests: forget every breaker. */
export function resetCircuitBreakers(): void {
  breakers.clear();
}
