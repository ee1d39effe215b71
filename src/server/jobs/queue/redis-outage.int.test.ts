import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "../../db/client";
import { jobs } from "../../db/schema/jobs";
import { withSystem } from "../../db/with-user";
import { rootLog } from "../../log";
import { createTestUser, useTestDb } from "../../testing/test-db";
import { DISPATCH_TIMEOUT_MS, forceQueueMode } from "../dispatch";
import { enqueueUnchecked } from "../enqueue";
import { registerTestJobs } from "../testing/test-jobs";
import { bullQueue, closeBullmq, configureBullmq } from "./bullmq";
import { startBullWorkers, type BullWorkers } from "./bullmq-worker";

/** A port nothing listens on: Redis is down for the whole file. */
async function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Redis unreachable (BullMQ mode)", () => {
  let h: DbHandle;
  let workers: BullWorkers | undefined;
  const consoleError = vi.spyOn(console, "error");
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);

  beforeAll(async () => {
    h = await useTestDb();
    registerTestJobs();
    forceQueueMode("bullmq");
    configureBullmq({ url: `redis://127.0.0.1:${await deadPort()}`, prefix: `omnicrm-down-${randomUUID()}` });
    process.on("uncaughtException", onUncaught);
    process.on("unhandledRejection", onUncaught);
  });
  afterAll(async () => {
    // Closing waits for connections that never come: bounded, and leaked on purpose.
    await Promise.race([workers?.close({ graceMs: 100 }), sleep(1_000)]);
    await Promise.race([closeBullmq(), sleep(1_000)]);
    forceQueueMode(undefined);
    process.off("uncaughtException", onUncaught);
    process.off("unhandledRejection", onUncaught);
    consoleError.mockRestore();
  });

  it("workers, queues and user slots keep reconnecting without unhandled error events", async () => {
    workers = await startBullWorkers({ db: h.db, log: rootLog(), concurrency: 1, perUser: 1 });
    bullQueue("default");
    // Several reconnect attempts (ioredis retries after 50 ms, 100 ms, …).
    await sleep(2_000);
    const ioredisNoise = consoleError.mock.calls.filter((c) =>
      String(c[0]).includes("Unhandled error event"),
    );
    expect(ioredisNoise).toEqual([]);
    expect(uncaught).toEqual([]);
  });

  it("records an enqueue while Redis is away, without hanging the caller", async () => {
    const u = await createTestUser(h);
    const t0 = Date.now();
    const [job] = await enqueueUnchecked({ db: h.db, userId: u.id, log: rootLog() }, [
      { kind: "test_effect", payload: { key: "while-down" } },
    ]);
    expect(job).toMatchObject({ deduped: false });
    // Producers do not queue commands offline: the row is the record, the sweeper sends it later.
    expect(Date.now() - t0).toBeLessThan(DISPATCH_TIMEOUT_MS + 2_000);
    const [row] = await withSystem(h.db, (tx) => tx.select().from(jobs).where(eq(jobs.id, job!.id)));
    expect(row).toMatchObject({ status: "queued", attempts: 0 });
    expect(uncaught).toEqual([]);
  });
});
