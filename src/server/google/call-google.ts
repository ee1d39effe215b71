import { currentLog } from "../log-context";
import { googleApiCalls, googleApiThrottles } from "../metrics/registry";
import { beginGoogleCall } from "./circuit-breaker";
import { GoogleError, toGoogleError } from "./errors";

export type CallOptions = {
  /** `${userId}:${api}`; its last segment labels the call metrics (gmail, calendar). */
  breakerKey: string;
  /** 404/410 from this call mean the sync cursor expired. */
  cursorOp?: boolean;
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Waits longer than this are not slept in-process; the job is retried later instead. */
  maxWaitMs?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Backoff defaults; tests shrink baseDelayMs so throttling scenarios run in milliseconds. */
export const retryTiming = { maxAttempts: 12, baseDelayMs: 250, maxBackoffMs: 30_000 };

/**
 * One Google call with the retry policy: rate limits and transient failures back off
 * exponentially (with jitter), honouring Retry-After; everything else throws at once,
 * already mapped to a GoogleError.
 */
export async function callGoogle<T>(opts: CallOptions, fn: () => Promise<T>): Promise<T> {
  const max = opts.maxAttempts ?? retryTiming.maxAttempts;
  const base = opts.baseDelayMs ?? retryTiming.baseDelayMs;
  const maxWait = opts.maxWaitMs ?? 60_000;
  const service = opts.breakerKey.slice(opts.breakerKey.lastIndexOf(":") + 1) || "google";
  for (let attempt = 1; ; attempt++) {
    const lease = beginGoogleCall(opts.breakerKey);
    try {
      const r = await fn();
      googleApiCalls.inc({ service, outcome: "ok" });
      lease.success();
      return r;
    } catch (e) {
      const ge = toGoogleError(e, opts.cursorOp);
      const throttled = ge.kind === "rate_limited";
      googleApiCalls.inc({ service, outcome: throttled ? "throttled" : "error" });
      if (throttled) googleApiThrottles.inc({ service });
      if (ge.kind === "temporary") lease.failure(ge);
      // A definite answer from Google (not found, no permission, throttled) is no outage.
      else lease.ignore();
      if (!ge.retryable || attempt >= max) throw ge;
      const backoff =
        Math.min(retryTiming.maxBackoffMs, base * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
      const wait = Math.max(ge.retryAfterMs ?? 0, backoff);
      if (wait > maxWait) throw ge;
      currentLog().warn({ kind: ge.kind, status: ge.status, attempt, wait }, "google call backing off");
      await sleep(wait);
    }
  }
}

export { GoogleError };
