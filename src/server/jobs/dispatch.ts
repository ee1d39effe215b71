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
 * Hands committed (or about-to-commit) jobs rows to the queue. A Redis failure is logged,
 * not thrown: the row is the source of truth and the stale-job sweeper re-sends it.
 */
export async function dispatchJobs(rows: DispatchRow[], opts: { inCallerTx?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  if (queueMode() === "embedded") {
    jobsWake.emit("wake");
    return;
  }
  try {
    const { addToBullmq } = await import("./queue/bullmq");
    await addToBullmq(rows, opts);
  } catch (e) {
    currentLog().warn(
      { err: e, jobs: rows.length },
      "jobs recorded but not sent to Redis; the sweeper re-sends them",
    );
  }
}
