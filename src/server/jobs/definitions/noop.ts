import { z } from "zod";
import { defineJob, PermanentJobError } from "../define-job";

/**
 * Does nothing (optionally waits or fails on purpose): tests, the throughput bench and
 * operators checking that workers are alive use it. Never touches user data.
 */
export const noopJob = defineJob({
  kind: "noop",
  payload: z.object({
    sleepMs: z.number().int().min(0).max(60_000).default(0),
    /** Fail (retryably) while attempt <= failAttempts. */
    failAttempts: z.number().int().min(0).max(100).default(0),
    /** Fail permanently (dead without retries). */
    failPermanently: z.boolean().default(false),
  }),
  attempts: 3,
  backoff: { type: "exponential", delayMs: 1_000 },
  timeoutMs: 120_000,
  handler: async (ctx, p) => {
    if (p.failPermanently) throw new PermanentJobError("noop: asked to fail permanently");
    if (p.sleepMs > 0) await sleep(p.sleepMs, ctx.signal);
    if (ctx.attempt <= p.failAttempts) throw new Error(`noop: asked to fail attempt ${ctx.attempt}`);
  },
});

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(t);
      reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    });
  });
}
