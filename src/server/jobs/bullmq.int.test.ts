import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { jobs } from "../db/schema/jobs";
import { withSystem, withUser } from "../db/with-user";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { enqueueUnchecked } from "./enqueue";
import { listJobs } from "./list-jobs";
import { processQueuedNow } from "./process-queued-now";
import { bullQueue, closeBullmq, configureBullmq } from "./queue/bullmq";
import { getQueueHealth } from "./queue-health";
import { retryJob } from "./retry-job";
import { createTestEffectsTable, registerTestJobs, testEffects, waitFor } from "./testing/test-jobs";

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
// Worker processes must share the database, so this suite needs real Postgres and Redis.
const available = Boolean(redisUrl && databaseUrl);
const required = process.env.REQUIRE_REAL_SERVICES === "1";

describe.runIf(required && !available)("BullMQ workers (required services)", () => {
  it("has REDIS_URL and TEST_DATABASE_URL", () => {
    expect({ redisUrl, databaseUrl }).toEqual({
      redisUrl: expect.any(String),
      databaseUrl: expect.any(String),
    });
  });
});

describe.runIf(available)("BullMQ workers on Redis", () => {
  let h: DbHandle;
  const log = rootLog();
  const prefix = `omnicrm-test-${randomUUID().slice(0, 8)}`;
  const workers: ChildProcess[] = [];

  const spawnWorker = (concurrency = 10) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const args = { databaseUrl, redisUrl, prefix, concurrency, perUser: 200 };
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/server/jobs/testing/test-worker.ts", JSON.stringify(args)],
        {
          stdio: ["ignore", "inherit", "inherit", "ipc"],
          env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "fatal" },
        },
      );
      workers.push(child);
      child.once("message", () => resolve(child));
      child.once("exit", (code) => reject(new Error(`test worker exited early (${code})`)));
    });
  const rows = (userId: string) =>
    withSystem(h.db, (tx) => tx.select().from(jobs).where(eq(jobs.userId, userId)));
  const allDone = async (userId: string) => (await rows(userId)).every((r) => r.status === "done");

  beforeAll(async () => {
    h = await useTestDb();
    configureBullmq({ url: redisUrl!, prefix });
    registerTestJobs();
    await createTestEffectsTable(h.db);
    await Promise.all([spawnWorker(), spawnWorker()]);
  });

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    for (const q of ["default", "sync", "ai", "system"] as const)
      await bullQueue(q).obliterate({ force: true });
    await closeBullmq();
  });

  it("2 workers share 1,000 jobs and handle each exactly once in its effects", async () => {
    const users = await Promise.all([createTestUser(h), createTestUser(h)]);
    for (const u of users)
      await enqueueUnchecked(
        { db: h.db, userId: u.id },
        Array.from({ length: 500 }, (_, i) => ({ kind: "test_effect", payload: { key: `k${i}` } })),
      );
    // Generous: seconds on an idle machine, far longer on a saturated shared runner.
    await waitFor(
      async () => (await Promise.all(users.map((u) => allDone(u.id)))).every(Boolean),
      80_000,
      200,
    );
    const effects = (await Promise.all(users.map((u) => testEffects(h.db, u.id)))).flat();
    expect(effects).toHaveLength(1000);
    expect(new Set(effects.map((e) => e.pid)).size).toBe(2);
  }, 90_000);

  it("runs a job enqueued in a transaction once the transaction commits", async () => {
    const u = await createTestUser(h);
    await withUser({ db: h.db, userId: u.id }, async (tx) => {
      await enqueueUnchecked({ db: h.db, userId: u.id, tx }, [
        { kind: "test_effect", payload: { key: "tx" } },
      ]);
      // The message reaches a worker before the row is visible: it must wait, not drop it.
      await new Promise((r) => setTimeout(r, 600));
    });
    await waitFor(() => allDone(u.id));
    expect(await testEffects(h.db, u.id)).toHaveLength(1);
  });

  it("finishes a job on the other worker when its worker is killed mid-job", async () => {
    const u = await createTestUser(h);
    const [job] = await enqueueUnchecked({ db: h.db, userId: u.id }, [
      { kind: "test_effect", payload: { key: "slow", sleepMs: 1500 } },
    ]);
    let lockedBy = "";
    await waitFor(async () => {
      lockedBy = (await rows(u.id))[0]?.lockedBy ?? "";
      return lockedBy !== "";
    });
    const victim = workers.find((w) => lockedBy.includes(`:${w.pid}:`))!;
    expect(victim).toBeDefined();
    victim.kill("SIGKILL");
    await waitFor(() => allDone(u.id), 20_000, 100);
    const [effect] = await testEffects(h.db, u.id);
    expect(effect!.pid).not.toBe(victim.pid);
    expect((await rows(u.id))[0]).toMatchObject({ id: job!.id, status: "done", attempts: 2 });
    await spawnWorker();
  });

  it("retries a failing job with backoff, ends it dead, and can retry it from the API", async () => {
    const u = await createTestUser(h);
    const ctx = { db: h.db, userId: u.id, log };
    const t0 = Date.now();
    const [job] = await enqueueUnchecked(ctx, [
      { kind: "test_effect", payload: { key: "f", failAttempts: 99 } },
    ]);
    await waitFor(async () => (await rows(u.id))[0]?.status === "dead");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
    expect((await listJobs(ctx)).items[0]).toMatchObject({ status: "dead", attempts: 3 });
    expect((await getQueueHealth(h.db)).failed).toBeGreaterThanOrEqual(1);
    await retryJob(ctx, job!.id);
    await waitFor(async () => {
      const r = (await rows(u.id))[0]!;
      return r.status === "dead" && r.attempts === 3 && r.updatedAt.getTime() > Date.now() - 5000;
    });
  });

  it("fails a malformed payload immediately, without retries", async () => {
    const u = await createTestUser(h);
    await withUser({ db: h.db, userId: u.id }, (tx) =>
      tx.insert(jobs).values({ userId: u.id, kind: "test_effect", payload: { key: 7 }, maxAttempts: 3 }),
    );
    // Not sent to Redis yet: the runner endpoint re-sends what Redis does not have.
    expect(await processQueuedNow({ db: h.db, userId: u.id, log })).toEqual({ processed: 1 });
    await waitFor(async () => (await rows(u.id))[0]?.status === "dead");
    const [r] = await rows(u.id);
    expect(r!.attempts).toBe(1);
    expect(r!.lastError).toMatch(/^invalid payload/);
  });

  it("lets running jobs finish on SIGTERM before the worker exits", async () => {
    const u = await createTestUser(h);
    await enqueueUnchecked({ db: h.db, userId: u.id }, [
      { kind: "test_effect", payload: { key: "graceful", sleepMs: 800 } },
    ]);
    let lockedBy = "";
    await waitFor(async () => {
      lockedBy = (await rows(u.id))[0]?.lockedBy ?? "";
      return lockedBy !== "";
    });
    const w = workers.find((x) => lockedBy.includes(`:${x.pid}:`))!;
    const exited = new Promise<number | null>((r) => w.once("exit", r));
    w.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect((await rows(u.id))[0]).toMatchObject({ status: "done", attempts: 1 });
  });
});
