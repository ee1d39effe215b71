import { beginBreakerCall, resetCircuitBreakers, type BreakerLease } from "../resilience/circuit-breaker";
import { GoogleError } from "./errors";

export const BREAKER_THRESHOLD = 8;
export const BREAKER_OPEN_MS = 30_000;

/**
 * Stops hammering a failing Google through the shared breaker (src/server/resilience):
 * after BREAKER_THRESHOLD consecutive temporary failures for a key (user + service), calls
 * fail fast for BREAKER_OPEN_MS; the job layer then retries later. One success closes it.
 */
export function beginGoogleCall(key: string): BreakerLease {
  const b = beginBreakerCall(`google:${key}`, { threshold: BREAKER_THRESHOLD, openMs: BREAKER_OPEN_MS });
  if (!b.lease)
    throw new GoogleError("temporary", "Google is failing repeatedly; pausing", undefined, b.retryAfterMs);
  return b.lease;
}

export function resetBreakers(): void {
  resetCircuitBreakers();
}
