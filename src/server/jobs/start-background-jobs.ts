import { env } from "@/lib/env";
import type { SystemCtx } from "../context";
import { startEmbeddedRunner } from "./queue/embedded";
import { startEmbeddedSchedulers } from "./schedulers";
import { sweepStaleJobs } from "./sweep-stale-jobs";

const g = globalThis as unknown as { __omnicrmJobsStarted?: boolean };

/**
 * Web-process start hook. With REDIS_URL the worker processes (`npm run worker`) run jobs
 * and schedulers, so the web process only enqueues. Without it, jobs run in-process.
 */
export async function startBackgroundJobs(ctx: SystemCtx): Promise<void> {
  const e = env();
  if (e.REDIS_URL || g.__omnicrmJobsStarted) return;
  g.__omnicrmJobsStarted = true;
  // An embedded database has exactly one process: anything still `running` was orphaned by
  // the previous run and can be resumed at once instead of after the lease lapses.
  if (!e.DATABASE_URL) await sweepStaleJobs(ctx, { staleMs: 0 });
  const runner = startEmbeddedRunner({
    db: ctx.db,
    log: ctx.log,
    concurrency: e.JOBS_CONCURRENCY,
    perUser: e.JOBS_PER_USER_CONCURRENCY,
  });
  const stopSchedulers = startEmbeddedSchedulers(ctx, {
    syncEveryMs: e.GOOGLE_SYNC_INTERVAL_MINUTES * 60_000,
  });
  process.once("SIGTERM", () => {
    stopSchedulers();
    // Best effort within the platform's own shutdown; unfinished jobs resume on next start.
    void runner.stop({ graceMs: 10_000 });
  });
}
