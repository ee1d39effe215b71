import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { googleApiThrottles } from "../metrics/registry";

/** Google's per-user cost of each call we make (quota units). */
export const QUOTA_COST = {
  "messages.list": 5,
  "messages.get": 5,
  "history.list": 2,
  "labels.list": 1,
  "labels.get": 1,
  getProfile: 1,
  "events.list": 1,
  "events.watch": 1,
  "channels.stop": 1,
  "users.watch": 100,
  "users.stop": 50,
  "messages.send": 100,
  "sendAs.list": 1,
} as const;

const MAX_CALL_COST = Math.max(...Object.values(QUOTA_COST));

/**
 * Google counts a user's units over a sliding minute; our limiter has fixed windows. A fixed
 * 60 s window lets up to twice the budget through around each window boundary (a 429 burst
 * every minute of a long import), so the budget is cut into short windows sized so that any
 * sliding minute (which overlaps at most 60/d + 1 of them) stays within the limit. The window
 * must still fit the costliest single call; tiny budgets (tests) keep one 60 s window.
 */
export function quotaWindow(unitsPerMinute: number): { points: number; durationSec: number } {
  for (const d of [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30]) {
    const points = Math.floor(unitsPerMinute / (60 / d + 1));
    if (points >= MAX_CALL_COST) return { points, durationSec: d };
  }
  return { points: unitsPerMinute, durationSec: 60 };
}

type Holder = { __omnicrmQuota?: Promise<RateLimiterAbstract> };
const g = globalThis as unknown as Holder;

/**
 * One token bucket per user shared by every worker: Redis-backed when REDIS_URL is set
 * (so two workers importing for one user split the budget), in-process otherwise.
 */
function limiter(): Promise<RateLimiterAbstract> {
  g.__omnicrmQuota ??= (async () => {
    const { RateLimiterMemory, RateLimiterRedis } = await import("rate-limiter-flexible");
    const { points, durationSec: duration } = quotaWindow(env().GOOGLE_QUOTA_UNITS_PER_MINUTE);
    const url = env().REDIS_URL;
    if (!url) return new RateLimiterMemory({ points, duration, keyPrefix: "gquota" });
    const { Redis } = await import("ioredis");
    const redis = new Redis(url, { maxRetriesPerRequest: 2 });
    redis.on("error", () => undefined); // surfaced by the limiter's own rejections
    // While Redis is away each process keeps counting in memory instead of failing the import
    // (Google's own 429s, which the driver backs off from, bound any overshoot).
    const insuranceLimiter = new RateLimiterMemory({ points, duration, keyPrefix: "gquota" });
    return new RateLimiterRedis({
      storeClient: redis,
      points,
      duration,
      keyPrefix: "gquota",
      insuranceLimiter,
    });
  })();
  return g.__omnicrmQuota;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the user's budget has `units` left, then spends them. */
export async function takeQuota(userId: string, units: number): Promise<void> {
  const l = await limiter();
  for (;;) {
    try {
      await l.consume(userId, units);
      return;
    } catch (res) {
      if (res instanceof Error) throw res;
      const ms = (res as { msBeforeNext?: number }).msBeforeNext ?? 1000;
      // Our own per-user budget made this call wait (before Google could answer 429).
      googleApiThrottles.inc({ service: "quota_budget" });
      await sleep(Math.min(Math.max(ms, 50), 60_000));
    }
  }
}

/** For tests: forget the limiter so a changed GOOGLE_QUOTA_UNITS_PER_MINUTE takes effect. */
export function resetQuota(): void {
  g.__omnicrmQuota = undefined;
}
