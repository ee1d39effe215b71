/**
 * Job throughput: N no-op jobs through one worker (BullMQ when REDIS_URL is set, else the
 * embedded runner), including all jobs-table bookkeeping. Prints jobs/s.
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npx tsx bench/jobs-throughput.ts [jobs] [concurrency]
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { authUsers } from "../src/server/db/schema/auth";
import { withSystem } from "../src/server/db/with-user";
import { enqueueMany } from "../src/server/jobs/enqueue";
import { rootLog } from "../src/server/log";

const total = Number(process.argv[2] ?? 5000);
const concurrency = Number(process.argv[3] ?? 16);
const users = 4;

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const redis = process.env.REDIS_URL;
  const h = url ? await openPostgres(url, 20) : await openPglite();
  await migrate(h.db);
  const log = rootLog();
  const ids = Array.from({ length: users }, () => randomUUID());
  for (const id of ids)
    await h.db.insert(authUsers).values({ id, email: `bench-${id}@test.local`, name: "Bench" });
  let stop: () => Promise<void>;
  if (redis) {
    const { configureBullmq, bullQueue } = await import("../src/server/jobs/queue/bullmq");
    const { startBullWorkers } = await import("../src/server/jobs/queue/bullmq-worker");
    const prefix = `omnicrm-bench-${randomUUID().slice(0, 8)}`;
    configureBullmq({ url: redis, prefix });
    const w = await startBullWorkers({ db: h.db, log, concurrency, perUser: concurrency });
    stop = async () => {
      await bullQueue("default").obliterate({ force: true });
      await w.close({ graceMs: 5000 });
    };
  } else {
    const { startEmbeddedRunner } = await import("../src/server/jobs/queue/embedded");
    const r = startEmbeddedRunner({ db: h.db, log, concurrency, perUser: concurrency, pollMs: 20 });
    stop = () => r.stop({ graceMs: 5000 });
  }
  const t0 = performance.now();
  const per = Math.ceil(total / users);
  await Promise.all(
    ids.map(async (userId) => {
      for (let i = 0; i < per; i += 500)
        await enqueueMany(
          { db: h.db, userId },
          Array.from({ length: Math.min(500, per - i) }, () => ({ kind: "noop" as const, payload: {} })),
        );
    }),
  );
  const tEnq = performance.now();
  for (;;) {
    const r = await withSystem(h.db, (tx) =>
      tx.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM jobs WHERE user_id = ANY(${`{${ids.join(",")}}`}::uuid[]) AND status <> 'done'`,
      ),
    );
    if (r.rows[0]!.n === 0) break;
    await new Promise((res) => setTimeout(res, 20));
  }
  const secs = (performance.now() - t0) / 1000;
  const n = per * users;
  process.stdout.write(
    `${redis ? "bullmq" : "embedded"} ${url ? "postgres" : "pglite"}: ${n} noop jobs, concurrency ${concurrency}: ` +
      `${(n / secs).toFixed(0)} jobs/s end-to-end (enqueue ${((tEnq - t0) / 1000).toFixed(2)} s, total ${secs.toFixed(2)} s)\n`,
  );
  await stop();
  await h.db.delete(authUsers).where(sql`id = ANY(${`{${ids.join(",")}}`}::uuid[])`);
  await h.close();
  process.exit(0);
}

void main();
