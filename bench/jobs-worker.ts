/**
 * Child process of bench:jobs: one OmniCRM BullMQ worker process (registry, claim,
 * outcome bookkeeping, per-user slots) on BENCH_PREFIX, until its stdin closes.
 */
import { openPostgres } from "../src/server/db/client";
import { configureBullmq } from "../src/server/jobs/queue/bullmq";
import { startBullWorkers } from "../src/server/jobs/queue/bullmq-worker";
import { rootLog } from "../src/server/log";

async function main(): Promise<void> {
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
  const h = await openPostgres(process.env.DATABASE_URL!, Math.max(4, Math.ceil(concurrency / 2)));
  configureBullmq({ url: process.env.REDIS_URL!, prefix: process.env.BENCH_PREFIX! });
  const w = await startBullWorkers({ db: h.db, log: rootLog(), concurrency, perUser: 1000 });
  process.stdout.write("READY\n");
  process.stdin.resume();
  process.stdin.on("end", () => {
    void w
      .close({ graceMs: 5000 })
      .then(() => h.close())
      .finally(() => process.exit(0));
  });
}

void main();
