import { Worker } from "bullmq";
import type { SystemCtx } from "../../context";
import {
  DIGEST_TICK_EVERY_MS,
  digestTick,
  EMBED_BACKFILL_EVERY_MS,
  embeddingBackfillTick,
  googleSyncTick,
  type SchedulerOptions,
} from "../schedulers";
import { sweepStaleJobs } from "../sweep-stale-jobs";
import { bullConfig, bullConnection, bullQueue } from "./bullmq";

/**
 * Periodic work with Redis: BullMQ job schedulers create one tick per interval for the
 * whole cluster (however many workers run), and whichever worker takes it does the work.
 */
export async function startSystemWorker(ctx: SystemCtx, o: SchedulerOptions): Promise<Worker> {
  const q = bullQueue("system");
  const keep = { removeOnComplete: true, removeOnFail: { count: 100 } };
  await q.upsertJobScheduler(
    "google-incremental-sync",
    { every: o.syncEveryMs },
    { name: "google_sync_tick", opts: keep },
  );
  await q.upsertJobScheduler(
    "stale-job-sweeper",
    { every: o.sweepEveryMs ?? 30_000 },
    { name: "sweep_stale_jobs", opts: keep },
  );
  // A new `every` scheduler runs its first tick right away; later restarts keep its cadence.
  await q.upsertJobScheduler(
    "embedding-backfill",
    { every: EMBED_BACKFILL_EVERY_MS },
    { name: "embedding_backfill_tick", opts: keep },
  );
  await q.upsertJobScheduler(
    "morning-digest",
    { every: DIGEST_TICK_EVERY_MS },
    { name: "digest_tick", opts: keep },
  );
  const w = new Worker(
    "system",
    async (job) => {
      if (job.name === "google_sync_tick") await googleSyncTick(ctx);
      else if (job.name === "embedding_backfill_tick") await embeddingBackfillTick(ctx);
      else if (job.name === "digest_tick") await digestTick(ctx);
      else if (job.name === "sweep_stale_jobs") await sweepStaleJobs(ctx, { staleMs: o.staleMs });
    },
    { connection: bullConnection(), prefix: bullConfig().prefix, concurrency: 1 },
  );
  w.on("error", (e) => ctx.log.error({ err: e }, "bullmq system worker error"));
  return w;
}
