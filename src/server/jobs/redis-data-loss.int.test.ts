import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, type DbHandle } from "../db/client";
import { migrate } from "../db/migrate";
import { jobs } from "../db/schema/jobs";
import { withSystem } from "../db/with-user";
import { rootLog } from "../log";
import { createTestUser } from "../testing/test-db";
import { forceQueueMode } from "./dispatch";
import { enqueueUnchecked } from "./enqueue";
import { bullQueue, closeBullmq, configureBullmq } from "./queue/bullmq";
import { startBullWorkers, type BullWorkers } from "./queue/bullmq-worker";
import { createTestEffectsTable, registerTestJobs, testEffects, waitFor } from "./testing/test-jobs";

const redisUrl = process.env.REDIS_URL;
const required = process.env.REQUIRE_REAL_SERVICES === "1";

describe.runIf(required && !redisUrl)("Redis data loss (required services)", () => {
  it("has REDIS_URL", () => expect(redisUrl).toEqual(expect.any(String)));
});

/**
 * Redis comes back empty (restarted without its data, flushed, failed over to an empty
 * replica) while an import runs: the BullMQ job schedulers — the sweeper among them — are
 * gone with the messages. The workers must notice by themselves, register the schedulers
 * again and re-send every unfinished row of the jobs table, without running any job twice.
 *
 * "Empty" is this test's key prefix deleted on the shared Redis (never a FLUSHDB); the
 * database is a private PGlite, so the cluster-wide sweeper touches no other test's rows.
 */
describe.runIf(Boolean(redisUrl))("Redis data loss (BullMQ mode)", () => {
  let h: DbHandle;
  let workers: BullWorkers;
  let redis: Redis;
  const prefix = `omnicrm-test-loss-${randomUUID().slice(0, 8)}`;

  const wipePrefix = async () => {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  };
  const schedulerExists = async () => Boolean(await bullQueue("system").getJobScheduler("stale-job-sweeper"));
  const rowsOf = (ids: string[]) =>
    withSystem(h.db, (tx) => tx.select().from(jobs).where(inArray(jobs.id, ids)));

  beforeAll(async () => {
    h = await openPglite();
    await migrate(h.db);
    await createTestEffectsTable(h.db);
    redis = new Redis(redisUrl!, { maxRetriesPerRequest: 2 });
    configureBullmq({ url: redisUrl!, prefix });
    forceQueueMode("bullmq");
    registerTestJobs();
    workers = await startBullWorkers({
      db: h.db,
      log: rootLog(),
      concurrency: 4,
      perUser: 1,
      heartbeatMs: 300,
      lockDurationMs: 5_000,
      stalledIntervalMs: 5_000,
      slotLeaseMs: 3_000,
      // The periodic sweep would also find the rows (after a minute): only the watch may here.
      schedulers: { syncEveryMs: 3_600_000, sweepEveryMs: 3_600_000, watchEveryMs: 300 },
    });
  }, 120_000);

  afterAll(async () => {
    await workers?.close({ graceMs: 2_000 });
    await wipePrefix().catch(() => undefined);
    await closeBullmq();
    redis?.disconnect();
    forceQueueMode(undefined);
    await h?.close();
  });

  it("re-registers the schedulers and re-sends unfinished jobs, running none twice", async () => {
    expect(await schedulerExists()).toBe(true);
    const [u1, u2] = [await createTestUser(h), await createTestUser(h)];
    // u1: one job running, one waiting for u1's only slot (a delayed message in Redis).
    const [running] = await enqueueUnchecked({ db: h.db, userId: u1.id }, [
      { kind: "test_effect", payload: { key: "running", sleepMs: 2_500 } },
    ]);
    await waitFor(async () => (await rowsOf([running!.id]))[0]?.status === "running", 20_000);
    const [waiting] = await enqueueUnchecked({ db: h.db, userId: u1.id }, [
      { kind: "test_effect", payload: { key: "waiting" } },
    ]);
    // u2: a job due in a moment (a delayed message too).
    const [later] = await enqueueUnchecked({ db: h.db, userId: u2.id }, [
      { kind: "test_effect", payload: { key: "later" }, delayMs: 1_000 },
    ]);

    await wipePrefix();
    const lostAt = Date.now();
    expect(await schedulerExists()).toBe(false);

    await waitFor(schedulerExists, 20_000, 100);
    const ids = [running!.id, waiting!.id, later!.id];
    await waitFor(async () => (await rowsOf(ids)).every((r) => r.status === "done"), 30_000, 100);
    const recoveredMs = Date.now() - lostAt;

    const rows = await rowsOf(ids);
    // The running job was re-sent while it ran: its worker finished it, nobody started it again.
    expect(rows.find((r) => r.id === running!.id)).toMatchObject({ status: "done", attempts: 1 });
    expect(rows.map((r) => r.attempts)).toEqual([1, 1, 1]);
    const effects = [...(await testEffects(h.db, u1.id)), ...(await testEffects(h.db, u2.id))];
    expect(effects.map((e) => [e.key, e.runs]).sort()).toEqual([
      ["later", 1],
      ["running", 1],
      ["waiting", 1],
    ]);
    // Well within the 2 minutes: a watch period plus the jobs themselves.
    expect(recoveredMs).toBeLessThan(20_000);
  }, 90_000);
});
