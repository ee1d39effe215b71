import type { Db } from "../../db/client";
import { dbOutageLogger, isDbUnavailable, retryWhileDbUnavailable } from "../../db/db-unavailable";
import type { Logger } from "../../log";
import { jobsWake } from "../dispatch";
import { createInflight, newWorkerId } from "../inflight";
import { claimReady, recordOutcomes, type ClaimedJob, type Outcome } from "../job-store";
import { microBatch } from "../micro-batch";
import { JobAbort, runClaimedJob } from "../run-job";

export type EmbeddedRunnerOptions = {
  db: Db;
  log: Logger;
  concurrency: number;
  perUser: number;
  /** Poll interval when idle; a local enqueue wakes the runner at once. */
  pollMs?: number;
  heartbeatMs?: number;
  /** Only these users' jobs (tests on a shared database must not take others' work). */
  userIds?: string[];
};

export type EmbeddedRunner = {
  workerId: string;
  /** Stops claiming, lets running jobs finish for `graceMs`, then hands the rest back. */
  stop: (o?: { graceMs?: number }) => Promise<void>;
  /** Test hook: vanish like a killed process (rows stay `running` until the sweeper). */
  crash: () => void;
};

/**
 * The in-process runner used without Redis: claims ready rows from the jobs table
 * (FOR UPDATE SKIP LOCKED, per-user cap) and runs them with the same handlers and the
 * same retry/backoff/dead rules as the BullMQ worker.
 */
export function startEmbeddedRunner(o: EmbeddedRunnerOptions): EmbeddedRunner {
  const workerId = newWorkerId();
  const log = o.log.child({ workerId, queue: "embedded" });
  const inflight = createInflight(o.db, workerId, log, o.heartbeatMs);
  const onRetry = dbOutageLogger(log);
  // Outcomes wait out a database outage; claims simply happen on a later poll.
  const record = microBatch((outs: Outcome[]) =>
    retryWhileDbUnavailable(() => recordOutcomes(o.db, outs), { onRetry }).then(() =>
      outs.map(() => undefined),
    ),
  );
  const tasks = new Set<Promise<void>>();
  let stopping = false;
  let crashed = false;
  let ticking = false;
  let again = false;

  const run = (job: ClaimedJob) => {
    const ac = inflight.add(job.id);
    const t = runClaimedJob(o.db, job, ac)
      .then(async (res) => {
        if (crashed || res.status === "cancelled") return;
        await record(res);
      })
      .catch((e: unknown) => log.error({ err: e, jobId: job.id }, "recording a job outcome failed"))
      .finally(() => {
        inflight.remove(job.id);
        tasks.delete(t);
        tick();
      });
    tasks.add(t);
  };

  const tick = () => {
    if (stopping) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    again = false;
    const free = o.concurrency - inflight.running.size;
    // Claim in groups rather than one row per finished job: each claim is a transaction.
    if (free < Math.max(1, Math.floor(o.concurrency / 4)) && inflight.running.size > 0) {
      ticking = false;
      return;
    }
    claimReady(o.db, { limit: free, perUser: o.perUser, workerId, userIds: o.userIds })
      .then(async (jobs) => {
        if (stopping) {
          // Claimed while stop() began: hand them straight back unrun.
          if (!crashed)
            await recordOutcomes(
              o.db,
              jobs.map((j) => ({ id: j.id, status: "release" as const })),
            );
          return;
        }
        for (const j of jobs) run(j);
        if (jobs.length > 0 && jobs.length === free) again = true;
      })
      .catch((e: unknown) => {
        if (isDbUnavailable(e)) onRetry(e, 0);
        else log.error({ err: e }, "claiming jobs failed");
      })
      .finally(() => {
        ticking = false;
        if (again) tick();
      });
  };

  const poll = setInterval(tick, o.pollMs ?? 1000);
  poll.unref();
  jobsWake.on("wake", tick);
  tick();
  log.info({ concurrency: o.concurrency, perUser: o.perUser }, "embedded job runner started");

  const detach = () => {
    stopping = true;
    clearInterval(poll);
    jobsWake.off("wake", tick);
    inflight.stop();
  };

  return {
    workerId,
    crash() {
      crashed = true;
      detach();
      inflight.abortAll(new JobAbort("shutdown", "process crashed"));
    },
    async stop({ graceMs = 30_000 } = {}) {
      detach();
      const done = Promise.all([...tasks]);
      const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), graceMs).unref());
      if ((await Promise.race([done, timer])) === "timeout") {
        inflight.abortAll(new JobAbort("shutdown", "shutting down"));
        await done;
      }
      log.info("embedded job runner stopped");
    },
  };
}

/** Runs one user's ready jobs now (the runner endpoint); returns how many were handled. */
export async function runUserJobsNow(
  db: Db,
  log: Logger,
  userId: string,
  o: { perUser: number; max?: number; budgetMs?: number },
): Promise<number> {
  const workerId = newWorkerId();
  const inflight = createInflight(db, workerId, log);
  const deadline = Date.now() + (o.budgetMs ?? 10_000);
  const max = o.max ?? 50;
  let processed = 0;
  try {
    while (processed < max && Date.now() < deadline) {
      const jobs = await claimReady(db, {
        limit: Math.min(o.perUser, max - processed),
        perUser: o.perUser,
        workerId,
        userIds: [userId],
      });
      if (jobs.length === 0) break;
      const results = await Promise.all(jobs.map((j) => runClaimedJob(db, j, inflight.add(j.id))));
      await recordOutcomes(
        db,
        results.filter((r): r is Outcome => r.status !== "cancelled"),
      );
      for (const j of jobs) inflight.remove(j.id);
      processed += jobs.length;
    }
  } finally {
    inflight.stop();
  }
  return processed;
}
