/**
 * Job throughput: no-op jobs through ONE worker process (BullMQ with REDIS_URL, else the
 * embedded runner), including all jobs-table bookkeeping (claim, outcome, per-user slots).
 * Baseline in the same run: bare BullMQ with the same concurrency and an empty processor
 * (no database at all), so the ratio shows what bookkeeping costs on this machine.
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npx tsx bench/jobs-throughput.ts [jobs] [concurrency]
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { Queue, Worker } from "bullmq";
import { openPglite, openPostgres, type DbHandle } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { authUsers } from "../src/server/db/schema/auth";
import { withSystem } from "../src/server/db/with-user";
import { enqueueMany } from "../src/server/jobs/enqueue";
import { rootLog } from "../src/server/log";
import { benchMode, report } from "./lib/report";

const total = Number(process.argv[2] ?? 5000);
const concurrency = Number(process.argv[3] ?? 16);
const users = 4;
const redis = process.env.REDIS_URL;

async function bareBullmq(n: number): Promise<number> {
  const prefix = `omnicrm-bench-bare-${randomUUID().slice(0, 8)}`;
  const connection = { url: redis!, maxRetriesPerRequest: null };
  const q = new Queue("bare", { connection, prefix });
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const w = new Worker("bare", async () => undefined, { connection, prefix, concurrency });
  w.on("completed", () => ++done === n && finish());
  const t0 = performance.now();
  for (let i = 0; i < n; i += 500)
    await q.addBulk(
      Array.from({ length: Math.min(500, n - i) }, () => ({
        name: "noop",
        data: {},
        opts: { removeOnComplete: true },
      })),
    );
  await finished;
  const rate = n / ((performance.now() - t0) / 1000);
  await w.close();
  await q.obliterate({ force: true });
  await q.close();
  return rate;
}

async function withBookkeeping(h: DbHandle): Promise<{ rate: number; enqueueS: number }> {
  const log = rootLog();
  const ids = Array.from({ length: users }, () => randomUUID());
  for (const id of ids)
    await h.db.insert(authUsers).values({ id, email: `bench-${id}@test.local`, name: "Bench" });
  const idList = `{${ids.join(",")}}`;
  let stop: () => Promise<void>;
  if (redis) {
    const { configureBullmq, bullQueue } = await import("../src/server/jobs/queue/bullmq");
    const { startBullWorkers } = await import("../src/server/jobs/queue/bullmq-worker");
    configureBullmq({ url: redis, prefix: `omnicrm-bench-${randomUUID().slice(0, 8)}` });
    const w = await startBullWorkers({ db: h.db, log, concurrency, perUser: concurrency });
    stop = async () => {
      await w.close({ graceMs: 5000 });
      await bullQueue("default").obliterate({ force: true });
    };
  } else {
    const { startEmbeddedRunner } = await import("../src/server/jobs/queue/embedded");
    const r = startEmbeddedRunner({
      db: h.db,
      log,
      concurrency,
      perUser: concurrency,
      pollMs: 20,
      userIds: ids,
    });
    stop = () => r.stop({ graceMs: 5000 });
  }
  const per = Math.ceil(total / users);
  const t0 = performance.now();
  await Promise.all(
    ids.map(async (userId) => {
      for (let i = 0; i < per; i += 500)
        await enqueueMany(
          { db: h.db, userId },
          Array.from({ length: Math.min(500, per - i) }, () => ({ kind: "noop" as const, payload: {} })),
        );
    }),
  );
  const enqueueS = (performance.now() - t0) / 1000;
  for (;;) {
    const r = await withSystem(h.db, (tx) =>
      tx.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM jobs WHERE user_id = ANY(${idList}::uuid[]) AND status <> 'done'`,
      ),
    );
    if (r.rows[0]!.n === 0) break;
    await new Promise((res) => setTimeout(res, 20));
  }
  const rate = (per * users) / ((performance.now() - t0) / 1000);
  await stop();
  await h.db.delete(authUsers).where(sql`id = ANY(${idList}::uuid[])`);
  return { rate, enqueueS };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const h = url ? await openPostgres(url, 20) : await openPglite();
  await migrate(h.db);
  const base = redis ? await bareBullmq(total) : null;
  const ours = await withBookkeeping(h);
  report({
    bench: "jobs-throughput",
    mode: benchMode(),
    rows: [
      ...(base ? [{ run: "bare BullMQ (no database)", jobsPerS: Math.round(base), ratio: 1 }] : []),
      {
        run: `OmniCRM ${redis ? "worker" : "embedded runner"} incl. bookkeeping`,
        jobsPerS: Math.round(ours.rate),
        ratio: base ? Number((ours.rate / base).toFixed(2)) : 1,
      },
    ],
    bars: [
      {
        name: "no-op jobs/s, one worker",
        value: Math.round(ours.rate),
        bar: ">= 1000",
        pass: ours.rate >= 1000,
      },
    ],
    notes: [
      `${total} jobs over ${users} users, concurrency ${concurrency}; time includes enqueue (${ours.enqueueS.toFixed(2)} s)`,
    ],
  });
  await h.close();
  process.exit(0);
}

void main();
