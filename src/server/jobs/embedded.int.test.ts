import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { jobs } from "../db/schema/jobs";
import { withSystem, withUser } from "../db/with-user";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { cancelJobsForBatch } from "./cancel-jobs-for-batch";
import { forceQueueMode } from "./dispatch";
import { enqueue, enqueueUnchecked } from "./enqueue";
import { listJobs } from "./list-jobs";
import { processQueuedNow } from "./process-queued-now";
import { startEmbeddedRunner, type EmbeddedRunner } from "./queue/embedded";
import { retryJob } from "./retry-job";
import { sweepStaleJobs } from "./sweep-stale-jobs";
import { createTestEffectsTable, registerTestJobs, testEffects, waitFor } from "./testing/test-jobs";

// Runs on PGlite by default and on real Postgres in CI (where it checks SKIP LOCKED between
// two runners at full size); the mode is forced so a REDIS_URL in the env is not used.
describe("embedded job runner", () => {
  let h: DbHandle;
  const log = rootLog();
  const runners: EmbeddedRunner[] = [];
  const start = (o: Partial<Parameters<typeof startEmbeddedRunner>[0]> = {}) => {
    const r = startEmbeddedRunner({ db: h.db, log, concurrency: 8, perUser: 8, pollMs: 50, ...o });
    runners.push(r);
    return r;
  };
  const statuses = async (userId: string) =>
    (await withSystem(h.db, (tx) => tx.select().from(jobs).where(eq(jobs.userId, userId)))).map(
      (j) => j.status,
    );

  beforeAll(async () => {
    forceQueueMode("embedded");
    h = await useTestDb();
    registerTestJobs();
    await createTestEffectsTable(h.db);
  });
  afterAll(() => forceQueueMode(undefined));
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop({ graceMs: 2000 })));
  });

  it("two runners share the work and handle each job exactly once", async () => {
    // PGlite is one in-process connection (slow, no real contention): a smaller run there.
    const n = h.kind === "postgres" ? 1000 : 100;
    const u = await createTestUser(h);
    const items = Array.from({ length: n }, (_, i) => ({ kind: "test_effect", payload: { key: `k${i}` } }));
    await enqueueUnchecked({ db: h.db, userId: u.id }, items);
    start({ perUser: 16, userIds: [u.id] });
    start({ perUser: 16, userIds: [u.id] });
    await waitFor(async () => (await statuses(u.id)).every((s) => s === "done"), 80_000, 200);
    const effects = await testEffects(h.db, u.id);
    expect(effects).toHaveLength(n);
    expect(effects.every((e) => e.runs === 1)).toBe(true);
  }, 90_000);

  it("retries a failing job with backoff, then marks it dead; dead jobs can be retried", async () => {
    const u = await createTestUser(h);
    const ctx = { db: h.db, userId: u.id, log };
    const [job] = await enqueueUnchecked(ctx, [
      { kind: "test_effect", payload: { key: "f", failAttempts: 99 } },
    ]);
    const t0 = Date.now();
    start({ userIds: [u.id] });
    await waitFor(async () => (await statuses(u.id))[0] === "dead");
    // attempts 3, backoff 100 ms doubling with 50–100% jitter: at least 50 + 100 ms of waiting.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
    const [row] = (await listJobs(ctx)).items;
    expect(row).toMatchObject({ status: "dead", attempts: 3, lastError: "test_effect: failing attempt 3" });
    const again = await retryJob(ctx, job!.id);
    expect(again).toMatchObject({ status: "queued", attempts: 0 });
    await expect(retryJob(ctx, job!.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("fails a malformed payload at once, without retries", async () => {
    const u = await createTestUser(h);
    await withUser({ db: h.db, userId: u.id }, (tx) =>
      tx.insert(jobs).values({ userId: u.id, kind: "test_effect", payload: { key: 42 }, maxAttempts: 3 }),
    );
    start({ userIds: [u.id] });
    await waitFor(async () => (await statuses(u.id))[0] === "dead");
    const [row] = (await listJobs({ db: h.db, userId: u.id, log })).items;
    expect(row!.attempts).toBe(1);
    expect(row!.lastError).toMatch(/^invalid payload/);
  });

  it("fails a kind without a handler as dead, saying so", async () => {
    const u = await createTestUser(h);
    await enqueueUnchecked({ db: h.db, userId: u.id }, [{ kind: "test_no_handler", payload: {} }]);
    start({ userIds: [u.id] });
    await waitFor(async () => (await statuses(u.id))[0] === "dead");
    const [row] = (await listJobs({ db: h.db, userId: u.id, log })).items;
    expect(row).toMatchObject({
      attempts: 1,
      lastError: 'no handler registered for job kind "test_no_handler"',
    });
  });

  it("resumes after a crash: a new runner finishes every job exactly once in effect", async () => {
    const u = await createTestUser(h);
    const items = Array.from({ length: 60 }, (_, i) => ({
      kind: "test_effect",
      payload: { key: `r${i}`, sleepMs: 20 },
    }));
    await enqueueUnchecked({ db: h.db, userId: u.id }, items);
    const a = start({ concurrency: 4, perUser: 4, userIds: [u.id] });
    await waitFor(async () => (await testEffects(h.db, u.id)).length >= 10);
    a.crash();
    expect((await statuses(u.id)).filter((s) => s === "running").length).toBeGreaterThan(0);
    // The new process heartbeats its own jobs; its sweeper requeues rows whose lease lapsed.
    start({ concurrency: 4, perUser: 4, heartbeatMs: 100, userIds: [u.id] });
    let requeued = 0;
    await waitFor(
      async () => {
        requeued += (await sweepStaleJobs({ db: h.db, log }, { staleMs: 1000, userIds: [u.id] })).requeued;
        return (await statuses(u.id)).every((s) => s === "done");
      },
      30_000,
      200,
    );
    expect(requeued).toBeGreaterThan(0);
    const effects = await testEffects(h.db, u.id);
    expect(effects.map((e) => e.key).sort()).toEqual(items.map((i) => i.payload.key).sort());
  });

  it("keeps one user's big backlog from starving another user", async () => {
    const big = await createTestUser(h);
    const small = await createTestUser(h);
    await enqueueUnchecked(
      { db: h.db, userId: big.id },
      Array.from({ length: 40 }, (_, i) => ({ kind: "test_effect", payload: { key: `b${i}`, sleepMs: 30 } })),
    );
    await enqueueUnchecked({ db: h.db, userId: small.id }, [{ kind: "test_effect", payload: { key: "s" } }]);
    start({ concurrency: 4, perUser: 2, userIds: [big.id, small.id] });
    await waitFor(async () => (await statuses(small.id))[0] === "done");
    const bigDone = (await statuses(big.id)).filter((s) => s === "done").length;
    expect(bigDone).toBeLessThan(10);
  });

  it("deduplicates live jobs by key and cancels a batch's unfinished jobs", async () => {
    const u = await createTestUser(h);
    const ctx = { db: h.db, userId: u.id, log };
    const a = await enqueue(ctx, "noop", {}, { dedupeKey: "same" });
    const b = await enqueue(ctx, "noop", {}, { dedupeKey: "same" });
    expect(b).toEqual({ id: a.id, deduped: true });
    const batchId = crypto.randomUUID();
    await withUser({ db: h.db, userId: u.id }, async (tx) => {
      await enqueue({ ...ctx, tx }, "noop", {}, { batchId });
      await enqueue({ ...ctx, tx }, "noop", {}, { batchId });
    });
    const cancelled = await withUser({ db: h.db, userId: u.id }, (tx) =>
      cancelJobsForBatch(tx, u.id, batchId),
    );
    expect(cancelled).toBe(2);
    const page = await listJobs(ctx, { batchId });
    expect(page.items.map((j) => j.status)).toEqual(["cancelled", "cancelled"]);
  });

  it("rolls the job back with the caller's transaction", async () => {
    const u = await createTestUser(h);
    await withUser({ db: h.db, userId: u.id }, async (tx) => {
      await enqueue({ db: h.db, userId: u.id, tx }, "noop", {});
      throw new Error("rollback");
    }).catch(() => undefined);
    expect(await statuses(u.id)).toEqual([]);
  });

  it("processes the caller's queued jobs on demand (runner endpoint) and only theirs", async () => {
    const u = await createTestUser(h);
    const other = await createTestUser(h);
    await enqueueUnchecked({ db: h.db, userId: u.id }, [
      { kind: "test_effect", payload: { key: "x1" } },
      { kind: "test_effect", payload: { key: "x2" } },
    ]);
    await enqueue({ db: h.db, userId: other.id }, "noop", {});
    expect(await processQueuedNow({ db: h.db, userId: u.id, log })).toEqual({ processed: 2 });
    expect(await statuses(u.id)).toEqual(["done", "done"]);
    expect(await statuses(other.id)).toEqual(["queued"]);
    const n = await withSystem(h.db, (tx) =>
      tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE user_id = ${other.id}`),
    );
    expect(n.rows[0]!.n).toBe(1);
  });
});
