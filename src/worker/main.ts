import { env, EnvError } from "@/lib/env";
import { closeDb, getDb } from "@/server/db/client";
import { startBullWorkers } from "@/server/jobs/queue/bullmq-worker";
import { stallTimings } from "@/server/jobs/queue/stall-timings";
import { serveMetrics } from "@/server/metrics/serve-metrics";
import { rootLog } from "@/server/log";
import { startObservability } from "@/server/observability/start-observability";

/**
 * `npm run worker`: a BullMQ worker process handling every queue. Run as many as you like,
 * on as many machines as you like, against the same Postgres and Redis. SIGTERM/SIGINT
 * stop taking work, let running jobs finish within 30 s, then
 * hand unfinished ones back to the queue.
 */
async function main(): Promise<void> {
  const e = env();
  const log = rootLog().child({ process: "worker" });
  if (!e.REDIS_URL) throw new Error("REDIS_URL is required: without Redis, jobs run inside the web process");
  if (!e.DATABASE_URL)
    throw new Error("DATABASE_URL is required: the embedded database cannot be shared between processes");
  // Sentry / OpenTelemetry only when configured; every job run becomes a span once tracing is on.
  const obs = await startObservability(e, "worker", log);
  const { db } = await getDb();
  const workers = await startBullWorkers({
    db,
    log,
    concurrency: e.JOBS_CONCURRENCY,
    perUser: e.JOBS_PER_USER_CONCURRENCY,
    schedulers: { syncEveryMs: e.GOOGLE_SYNC_INTERVAL_MINUTES * 60_000 },
    ...stallTimings(e.JOBS_STALL_SECONDS),
  });
  // Job metrics are recorded in the process that runs the jobs: expose them for scraping.
  const metrics = e.WORKER_METRICS_PORT
    ? await serveMetrics({ port: e.WORKER_METRICS_PORT, env: e, log })
    : undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker shutting down");
    workers
      .close({ graceMs: 30_000 })
      .then(() => metrics?.close())
      // After the last job has finished: its span and any dead-job report are sent.
      .then(() => obs.shutdown())
      .then(() => closeDb())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, "worker shutdown failed");
          process.exit(1);
        },
      );
  };
  // Anything that escaped every handler leaves the process in an unknown state: say so and
  // exit non-zero; the supervisor restarts it and unfinished jobs are picked up again.
  const die = (what: string) => (err: unknown) => {
    log.fatal({ err }, `worker crashed (${what}); exiting for the supervisor to restart it`);
    process.exit(1);
  };
  process.on("uncaughtException", die("uncaught exception"));
  process.on("unhandledRejection", die("unhandled rejection"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  if (err instanceof EnvError) process.stderr.write(`${err.message}\n`);
  else rootLog().fatal({ err }, "worker failed to start");
  process.exit(1);
});
