import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { currentLog } from "../log-context";

export type RateGroup = "api" | "auth" | "ai" | "booking";

/** Points per window. auth = brute-force protection, keyed by IP + email. */
export const RATE_LIMITS: Record<RateGroup, { points: number; seconds: number }> = {
  api: { points: 60, seconds: 60 },
  auth: { points: 5, seconds: 15 * 60 },
  ai: { points: 10, seconds: 60 },
  // Public booking attempts per IP (BOOKING_ATTEMPTS_PER_IP overrides the points).
  booking: { points: 10, seconds: 10 * 60 },
};

type Limiters = Record<RateGroup, RateLimiterAbstract>;
const g = globalThis as unknown as { __omnicrmLimiters?: Promise<Limiters> };

/**
 * Shared across instances through Redis when REDIS_URL is set (with an in-memory fallback
 * while Redis is unreachable, so an outage degrades to per-process limits, not to 500s).
 */
function limiters(): Promise<Limiters> {
  g.__omnicrmLimiters ??= build();
  return g.__omnicrmLimiters;
}

async function build(): Promise<Limiters> {
  const url = env().REDIS_URL;
  let storeClient: unknown;
  if (url) {
    // Loaded lazily so embedded installs never touch ioredis.
    const { Redis } = await import("ioredis");
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    client.on("error", (err) => currentLog().warn({ err }, "rate-limit redis error"));
    storeClient = client;
  }
  RATE_LIMITS.booking.points = env().BOOKING_ATTEMPTS_PER_IP;
  const make = (group: RateGroup): RateLimiterAbstract => {
    const { points, seconds: duration } = RATE_LIMITS[group];
    const keyPrefix = `omnicrm:rl:${group}`;
    const memory = new RateLimiterMemory({ points, duration, keyPrefix });
    if (!storeClient) return memory;
    return new RateLimiterRedis({ storeClient, points, duration, keyPrefix, insuranceLimiter: memory });
  };
  return { api: make("api"), auth: make("auth"), ai: make("ai"), booking: make("booking") };
}

export type RateVerdict =
  { allowed: true } | { allowed: false; retryAfterSec: number; firstRejection: boolean };

/** Consumes one point for `key` in `group`. */
export async function consumeRate(group: RateGroup, key: string): Promise<RateVerdict> {
  try {
    await (await limiters())[group].consume(key);
    return { allowed: true };
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      return {
        allowed: false,
        retryAfterSec: Math.max(1, Math.ceil(e.msBeforeNext / 1000)),
        firstRejection: e.consumedPoints === RATE_LIMITS[group].points + 1,
      };
    }
    // Store failure with no fallback left: fail open but loudly.
    currentLog().error({ err: e, group }, "rate limiter failed");
    return { allowed: true };
  }
}

/** Clears a key (a successful sign-in resets its failure budget). */
export async function resetRate(group: RateGroup, key: string): Promise<void> {
  await (await limiters())[group].delete(key).catch(() => undefined);
}
