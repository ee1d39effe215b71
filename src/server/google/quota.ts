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
} as const;

type Holder = { __omnicrmQuota?: Promise<RateLimiterAbstract> };
const g = globalThis as unknown as Holder;

/**
 * One token bucket per user shared by every worker: Redis-backed when REDIS_URL is set
 * (so two workers importing for one user split the budget), in-process otherwise.
 */
function limiter(): Promise<RateLimiterAbstract> {
  g.__omnicrmQuota ??= (async () => {
    const { RateLimiterMemory, RateLimiterRedis } = await import("rate-limiter-flexible");
    const points = env().GOOGLE_QUOTA_UNITS_PER_MINUTE;
    const url = env().REDIS_URL;
    if (!url) return new RateLimiterMemory({ points, duration: 60, keyPrefix: "gquota" });
    const { Redis } = await import("ioredis");
    const redis = new Redis(url, { maxRetriesPerRequest: 2 });
    redis.on("error", () => undefined); // surfaced by the limiter's own rejections
    return new RateLimiterRedis({ storeClient: redis, points, duration: 60, keyPrefix: "gquota" });
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
