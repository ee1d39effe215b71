import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import type { Db } from "../../db/client";
import { dbOutageLogger, retryWhileDbUnavailable } from "../../db/db-unavailable";
import type { JobStatus } from "../../db/schema/jobs";
import type { Logger } from "../../log";
import { createInflight, HEARTBEAT_MS, newWorkerId } from "../inflight";
import { claimByIds, recordOutcomes, type ClaimedJob, type Outcome } from "../job-store";
import { microBatch } from "../micro-batch";
import { usedQueues } from "../registry";
import { JobAbort, runClaimedJob } from "../run-job";
import { bullConfig, bullConnection, closeBullmq, redisErrorLogger, type BullData } from "./bullmq";
import { createUserSlots } from "./user-slots";
import { startSystemWorker } from "./bullmq-system";
import type { SchedulerOptions } from "../schedulers";

export type BullWorkerOptions = {
  db: Db;
  log: Logger;
  /** Jobs at once per queue in this process. */
  concurrency: number;
  /** Jobs of one user at once across all workers (fairness). */
  perUser: number;
  /** Run the scheduler/sweeper queue too (every worker may: BullMQ runs each tick once). */
  schedulers?: SchedulerOptions | false;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  heartbeatMs?: number;
  slotLeaseMs?: number;
};

export type BullWorkers = { workerId: string; close: (o?: { graceMs?: number }) => Promise<void> };

type ClaimResult = ClaimedJob | { status: JobStatus | undefined };
const isClaimed = (c: ClaimResult): c is ClaimedJob => "attempts" in c;

/** A message whose row never becomes visible (its transaction rolled back) is dropped after this. */
const MAX_INVISIBLE_WAITS = 40;

export async function startBullWorkers(o: BullWorkerOptions): Promise<BullWorkers> {
  const cfg = bullConfig();
  const workerId = newWorkerId();
  const log = o.log.child({ workerId, queue: "bullmq" });
  const inflight = createInflight(o.db, workerId, log, o.heartbeatMs);
  const leaseMs = o.slotLeaseMs ?? 30_000;
  const slots = createUserSlots(cfg.url, cfg.prefix, o.perUser);
  const held = new Map<string, string>(); // jobId -> userId
  const renew = setInterval(() => {
    const list = [...held].map(([jobId, userId]) => ({ jobId, userId }));
    slots.renew(list, leaseMs).catch((e: unknown) => log.warn({ err: e }, "renewing user slots failed"));
  }, leaseMs / 3);
  renew.unref();

  // During a database outage bookkeeping waits (with back-off) instead of failing the
  // message: the row stays the record, and the job runs or is recorded once it is back.
  const onRetry = dbOutageLogger(log);
  // Three missed heartbeats: the row's owner is dead, its job may be taken over.
  const takeoverAfterMs = 3 * (o.heartbeatMs ?? HEARTBEAT_MS);
  const claim = microBatch(async (ids: string[]): Promise<ClaimResult[]> => {
    const { claimed, others } = await retryWhileDbUnavailable(
      () => claimByIds(o.db, ids, workerId, takeoverAfterMs),
      {
        onRetry,
      },
    );
    const byId = new Map(claimed.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? { status: others.get(id) });
  });
  const record = microBatch((outs: Outcome[]) =>
    retryWhileDbUnavailable(() => recordOutcomes(o.db, outs), { onRetry }).then(() => outs.map(() => 0)),
  );

  const processor = async (job: Job<BullData>, token?: string): Promise<void> => {
    const { id, userId } = job.data;
    if (!(await slots.acquire(userId, id, leaseMs))) {
      // The user is at their limit: let other users' messages go first.
      await job.moveToDelayed(Date.now() + 100 + Math.floor(Math.random() * 200), token);
      throw new DelayedError();
    }
    held.set(id, userId);
    try {
      const c = await claim(id);
      if (!isClaimed(c)) {
        // Running with a live lease: its worker is alive (this message was re-delivered, e.g.
        // Redis restarted after the lock expired). Never run it twice at once: look again
        // after a heartbeat; by then it is finished (dropped then) or its owner is dead (taken over).
        if (c.status === "running") {
          await job.moveToDelayed(Date.now() + takeoverAfterMs / 3, token);
          throw new DelayedError();
        }
        if (c.status !== undefined) return; // done, dead or cancelled: nothing to do
        const waits = (job.data.waits ?? 0) + 1;
        if (waits > MAX_INVISIBLE_WAITS) {
          log.warn({ jobId: id }, "job row never appeared (enqueue rolled back?); dropping message");
          return;
        }
        await job.updateData({ ...job.data, waits });
        await job.moveToDelayed(Date.now() + 250, token);
        throw new DelayedError();
      }
      const res = await runClaimedJob(o.db, c, inflight.add(id));
      if (res.status === "cancelled") return;
      await record(res);
      if (res.status === "dead") throw new UnrecoverableError(res.error);
      if (res.status === "error" || res.status === "release") {
        await job.moveToDelayed(Date.now() + (res.status === "error" ? res.delayMs : 0), token);
        throw new DelayedError();
      }
    } finally {
      inflight.remove(id);
      held.delete(id);
      // Off the job's critical path; a lost release expires with its lease.
      void slots.release(userId, id).catch(() => undefined);
    }
  };

  const workers = usedQueues().map(
    (name) =>
      new Worker<BullData>(name, processor, {
        connection: bullConnection(),
        prefix: cfg.prefix,
        concurrency: o.concurrency,
        lockDuration: o.lockDurationMs ?? 30_000,
        stalledInterval: o.stalledIntervalMs ?? 30_000,
        maxStalledCount: 2,
      }),
  );
  // Errors here are mostly Redis reconnects: logged (throttled), never an unhandled event.
  for (const w of workers) w.on("error", redisErrorLogger(`bullmq worker ${w.name}`));
  const system = o.schedulers ? await startSystemWorker({ db: o.db, log }, o.schedulers) : undefined;
  log.info(
    { queues: usedQueues(), concurrency: o.concurrency, perUser: o.perUser },
    "bullmq workers started",
  );

  return {
    workerId,
    async close({ graceMs = 30_000 } = {}) {
      const closing = Promise.all([...workers.map((w) => w.close()), system?.close()]);
      const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), graceMs).unref());
      if ((await Promise.race([closing, timer])) === "timeout") {
        log.warn({ running: inflight.running.size }, "shutdown grace over: handing running jobs back");
        inflight.abortAll(new JobAbort("shutdown", "shutting down"));
        await closing;
      }
      clearInterval(renew);
      inflight.stop();
      await slots.close();
      await closeBullmq();
      log.info("bullmq workers stopped");
    },
  };
}
