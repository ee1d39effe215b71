/**
 * A worker process for the BullMQ integration tests: same code path as src/worker/main.ts,
 * configured from argv (database URL, Redis URL, a per-run key prefix, fast stall
 * detection) with the test job kinds registered.
 */
import { openPostgres } from "../../db/client";
import { rootLog } from "../../log";
import { configureBullmq } from "../queue/bullmq";
import { startBullWorkers } from "../queue/bullmq-worker";
import { registerTestJobs } from "./test-jobs";

type Args = { databaseUrl: string; redisUrl: string; prefix: string; concurrency: number; perUser: number };

async function main(): Promise<void> {
  const a = JSON.parse(process.argv[2] ?? "{}") as Args;
  configureBullmq({ url: a.redisUrl, prefix: a.prefix });
  registerTestJobs();
  const h = await openPostgres(a.databaseUrl, 5);
  const workers = await startBullWorkers({
    db: h.db,
    log: rootLog(),
    concurrency: a.concurrency,
    perUser: a.perUser,
    lockDurationMs: 1_000,
    stalledIntervalMs: 500,
    heartbeatMs: 500,
    slotLeaseMs: 1_500,
  });
  process.on("SIGTERM", () => {
    void workers
      .close({ graceMs: 5_000 })
      .then(() => h.close())
      .then(() => process.exit(0));
  });
  process.send?.("ready");
}

main().catch((err: unknown) => {
  rootLog().fatal({ err }, "test worker failed");
  process.exit(1);
});
