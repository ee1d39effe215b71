import { Worker, type Queue } from "bullmq";
import type { SystemCtx } from "../../context";
import {
  DIGEST_TICK_EVERY_MS,
  digestTick,
  EMBED_BACKFILL_EVERY_MS,
  embeddingBackfillTick,
  googleSyncTick,
  RECONSENT_TICK_EVERY_MS,
  reconsentTick,
  type SchedulerOptions,
} from "../schedulers";
import { sweepStaleJobs } from "../sweep-stale-jobs";
import { bullConfig, bullConnection, bullQueue, redisErrorLogger, type BullData } from "./bullmq";

/** How often each worker process checks that the schedulers still exist in Redis. */
export const SCHEDULER_WATCH_MS = 15_000;

const keep = { removeOnComplete: true, removeOnFail: { count: 100 } };

function schedulerSpecs(o: SchedulerOptions) {
  return [
    { id: "google-incremental-sync", every: o.syncEveryMs, name: "google_sync_tick" },
    { id: "stale-job-sweeper", every: o.sweepEveryMs ?? 30_000, name: "sweep_stale_jobs" },
    // A new `every` scheduler runs its first tick right away; later restarts keep its cadence.
    { id: "embedding-backfill", every: EMBED_BACKFILL_EVERY_MS, name: "embedding_backfill_tick" },
    { id: "morning-digest", every: DIGEST_TICK_EVERY_MS, name: "digest_tick" },
    { id: "forms-reconsent", every: RECONSENT_TICK_EVERY_MS, name: "reconsent_tick" },
  ];
}

/** Registers the schedulers Redis does not have; returns how many were missing. */
export async function ensureJobSchedulers(q: Queue<BullData>, o: SchedulerOptions): Promise<number> {
  let missing = 0;
  for (const s of schedulerSpecs(o)) {
    if (await q.getJobScheduler(s.id)) continue;
    missing++;
    await q.upsertJobScheduler(s.id, { every: s.every }, { name: s.name, opts: keep });
  }
  return missing;
}

export type SystemWorker = { close: () => Promise<void> };

/**
 * Periodic work with Redis: BullMQ job schedulers create one tick per interval for the
 * whole cluster (however many workers run), and whichever worker takes it does the work.
 *
 * The schedulers live in Redis, so Redis losing its data would lose them — and with them
 * the sweeper that re-sends work from the jobs table. Each worker process therefore checks
 * on a timer of its own that they exist; missing ones mean Redis came back empty: they are
 * registered again (idempotent by id, so two workers doing it at once is harmless) and
 * every unfinished job in the jobs table is re-sent at once (deduplicated by job id).
 */
export async function startSystemWorker(ctx: SystemCtx, o: SchedulerOptions): Promise<SystemWorker> {
  const q = bullQueue("system");
  const w = new Worker(
    "system",
    async (job) => {
      if (job.name === "google_sync_tick") await googleSyncTick(ctx);
      else if (job.name === "embedding_backfill_tick") await embeddingBackfillTick(ctx);
      else if (job.name === "digest_tick") await digestTick(ctx);
      else if (job.name === "reconsent_tick") await reconsentTick(ctx);
      else if (job.name === "sweep_stale_jobs") await sweepStaleJobs(ctx, { staleMs: o.staleMs });
    },
    { connection: bullConnection(), prefix: bullConfig().prefix, concurrency: 1 },
  );
  w.on("error", redisErrorLogger("bullmq system worker"));
  const first = await ensureJobSchedulers(q, o);
  if (first) ctx.log.info({ created: first }, "job schedulers registered");

  let busy = false;
  const watch = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      const missing = await ensureJobSchedulers(q, o);
      if (missing === 0) return;
      ctx.log.warn({ missing }, "Redis lost the job schedulers (restarted empty?): re-registered them");
      const r = await sweepStaleJobs(ctx, { staleMs: o.staleMs, resendAll: true });
      ctx.log.warn(r, "unfinished jobs re-sent to Redis from the jobs table");
    })()
      // Redis or the database is down: the next check tries again.
      .catch((e: unknown) => ctx.log.warn({ err: e }, "scheduler check failed; retrying"))
      .finally(() => (busy = false));
  }, o.watchEveryMs ?? SCHEDULER_WATCH_MS);
  watch.unref();

  return {
    async close() {
      clearInterval(watch);
      await w.close();
    },
  };
}
