import { AppError } from "../errors";
import { beginBreakerCall, type BreakerLease } from "../resilience/circuit-breaker";

/** Five provider failures in a row open a provider's circuit for 30 s. */
export const AI_BREAKER = { threshold: 5, openMs: 30_000 };

/**
 * One call to an AI provider through the shared breaker, keyed per provider: an outage of
 * one provider never fails calls to another. Throws 503 service_unavailable (circuit_open)
 * while that provider's circuit is open.
 */
export function beginProviderCall(provider: string): BreakerLease {
  const b = beginBreakerCall(`ai:${provider}`, AI_BREAKER);
  if (!b.lease)
    throw new AppError("service_unavailable", "AI provider temporarily unavailable", {
      reason: "circuit_open",
      retryAfterMs: b.retryAfterMs,
    });
  return b.lease;
}
