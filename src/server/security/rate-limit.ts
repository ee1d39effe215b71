import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { currentLog } from "../log-context";

/**
 * api = per user (or anonymous IP) per minute; ai = interactive AI per user per minute;
 * auth = guesses per IP + email; auth_ip = guesses per IP (IPv6 /64) over all emails;
 * auth_account = the per-account gate (see account-lockout.ts); signup = new accounts per IP;
 * booking = public booking form posts per IP.
 */
export type RateGroup =
  "api" | "auth" | "ai" | "auth_ip" | "auth_account" | "signup" | "auth_failures" | "booking";

/** Points per window, from the environment (README: configuration). */
export function rateLimits(): Record<RateGroup, { points: number; seconds: number }> {
  const e = env();
  return {
    api: { points: e.RATE_LIMIT_API_PER_MIN, seconds: 60 },
    auth: { points: e.RATE_LIMIT_AUTH_PER_15MIN, seconds: 15 * 60 },
    // One address may try a handful of accounts (a shared office), not spray them.
    auth_ip: { points: e.RATE_LIMIT_AUTH_PER_15MIN * 6, seconds: 15 * 60 },
    ai: { points: e.RATE_LIMIT_AI_PER_MIN, seconds: 60 },
    signup: { points: e.RATE_LIMIT_SIGNUPS_PER_HOUR, seconds: 60 * 60 },
    // A gate closed by block() only: each call consumes nothing while it is open.
    auth_account: { points: 1_000_000, seconds: 1 },
    // Failed sign-ins per account (any IP) in the last 15 minutes.
    auth_failures: { points: 1_000_000, seconds: 15 * 60 },
    booking: { points: e.BOOKING_ATTEMPTS_PER_IP, seconds: 10 * 60 },
  };
}

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
  const limits = rateLimits();
  const make = (group: RateGroup): RateLimiterAbstract => {
    const { points, seconds: duration } = limits[group];
    const keyPrefix = `omnicrm:rl:${group}`;
    const memory = new RateLimiterMemory({ points, duration, keyPrefix });
    if (!storeClient) return memory;
    return new RateLimiterRedis({ storeClient, points, duration, keyPrefix, insuranceLimiter: memory });
  };
  const groups = Object.keys(limits) as RateGroup[];
  return Object.fromEntries(groups.map((k) => [k, make(k)])) as Limiters;
}

export type RateVerdict =
  { allowed: true } | { allowed: false; retryAfterSec: number; firstRejection: boolean };

/** Consumes one point for `key` in `group`. */
export async function consumeRate(group: RateGroup, key: string): Promise<RateVerdict> {
  try {
    await (await limiters())[group].consume(key);
    return { allowed: true };
  } catch (e) {
    if (e instanceof RateLimiterRes) return rejected(e, rateLimits()[group].points);
    // Store failure with no fallback left: fail open but loudly.
    currentLog().error({ err: e, group }, "rate limiter failed");
    return { allowed: true };
  }
}

function rejected(e: RateLimiterRes, points: number): RateVerdict {
  return {
    allowed: false,
    retryAfterSec: Math.max(1, Math.ceil(e.msBeforeNext / 1000)),
    firstRejection: e.consumedPoints === points + 1,
  };
}

/** Whether `key` is currently blocked in `group`, without consuming anything. */
export async function peekRate(group: RateGroup, key: string): Promise<RateVerdict> {
  try {
    const res = await (await limiters())[group].get(key);
    const points = rateLimits()[group].points;
    if (res && res.consumedPoints > points) return rejected(res, points);
  } catch (e) {
    currentLog().error({ err: e, group }, "rate limiter failed");
  }
  return { allowed: true };
}

/** Adds `n` points (a failed attempt) and returns how many the key holds now. */
export async function penalizeRate(group: RateGroup, key: string, n = 1): Promise<number> {
  try {
    return (await (await limiters())[group].penalty(key, n)).consumedPoints;
  } catch (e) {
    currentLog().error({ err: e, group }, "rate limiter failed");
    return 0;
  }
}

/** Blocks `key` in `group` for `seconds`. */
export async function blockRate(group: RateGroup, key: string, seconds: number): Promise<void> {
  await (await limiters())[group].block(key, seconds).catch((e: unknown) => {
    currentLog().error({ err: e, group }, "rate limiter failed");
  });
}

/** Clears a key (a successful sign-in resets its failure budget). */
export async function resetRate(group: RateGroup, key: string): Promise<void> {
  await (await limiters())[group].delete(key).catch(() => undefined);
}
