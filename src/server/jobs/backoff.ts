import type { Backoff } from "./define-job";

const DEFAULT_MAX_DELAY_MS = 60 * 60_000;

/**
 * Delay before the retry that follows failed attempt `attempt` (1-based): exponential,
 * capped, with "equal jitter" (50–100% of the step) so a burst of failures caused by one
 * outage does not come back as one synchronized burst.
 */
export function backoffDelay(b: Backoff, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(b.maxDelayMs ?? DEFAULT_MAX_DELAY_MS, b.delayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step * (0.5 + random() * 0.5));
}
