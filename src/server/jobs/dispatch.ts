import { EventEmitter } from "node:events";
import { env } from "@/lib/env";
import { currentLog } from "../log-context";

export type DispatchRow = { id: string; userId: string; kind: string; runAfter: Date };

const g = globalThis as unknown as { __omnicrmJobsWake?: EventEmitter };
/** In embedded mode a new job wakes the in-process runner instead of waiting for its poll. */
export const jobsWake = (g.__omnicrmJobsWake ??= new EventEmitter());

type Mode = "bullmq" | "embedded";
const mode = globalThis as unknown as { __omnicrmQueueMode?: Mode };

export function queueMode(): Mode {
  return mode.__omnicrmQueueMode ?? (env().REDIS_URL ? "bullmq" : "embedded");
}

/** Tests: exercise the embedded runner even when REDIS_URL is set (CI sets it). */
export function forceQueueMode(m: Mode | undefined): void {
  mode.__omnicrmQueueMode = m;
}

/**
 * How long an enqueue waits for Redis. A process that started while Redis was down has a
 * queue connection that never became ready, and BullMQ waits for that (forever) before
 * sending: without a bound, every request that enqueues would hang — inside its
 * transaction when the caller passed one.
 */
export const DISPATCH_TIMEOUT_MS = 3_000;

/**
 * Hands committed (or about-to-commit) jobs rows to the queue. A Redis failure or timeout is
 * logged, not thrown: the row is the source of truth and the stale-job sweeper re-sends it
 * (a send that completes after the timeout is harmless: the message id is the row id).
 */
export async function dispatchJobs(rows: DispatchRow[], opts: { inCallerTx?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  if (queueMode() === "embedded") {
    jobsWake.emit("wake");
    return;
  }
  try {
    const { addToBullmq } = await import("./queue/bullmq");
    const sent = addToBullmq(rows, opts);
    sent.catch(() => undefined); // a late failure after the timeout below is already logged
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not take the jobs within ${DISPATCH_TIMEOUT_MS} ms`)),
        DISPATCH_TIMEOUT_MS,
      );
    });
    await Promise.race([sent, timeout]).finally(() => clearTimeout(timer));
  } catch (e) {
    currentLog().warn(
      { err: e, jobs: rows.length },
      "jobs recorded but not sent to Redis; the sweeper re-sends them",
    );
  }
}
