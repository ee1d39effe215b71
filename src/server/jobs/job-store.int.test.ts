import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { jobs } from "../db/schema/jobs";
import { withSystem } from "../db/with-user";
import { createTestUser, useTestDb } from "../testing/test-db";
import { claimByIds } from "./job-store";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

const TAKEOVER_MS = 30_000;

async function runningRow(lockedAgoMs: number): Promise<string> {
  const u = await createTestUser(h);
  const [row] = await withSystem(h.db, (tx) =>
    tx
      .insert(jobs)
      .values({
        userId: u.id,
        kind: "test_effect",
        payload: { key: "k" },
        status: "running",
        attempts: 1,
        lockedBy: "w-old",
        lockedAt: sql`now() - ${lockedAgoMs}::int * interval '1 millisecond'`,
      })
      .returning({ id: jobs.id }),
  );
  return row!.id;
}

const rowOf = async (id: string) =>
  (await withSystem(h.db, (tx) => tx.select().from(jobs).where(eq(jobs.id, id))))[0]!;

describe("claimByIds (BullMQ mode)", () => {
  // A re-delivered message (Redis back from its AOF after the lock expired, or re-sent after
  // Redis lost its data) must not start a second run of a job whose worker is alive.
  it("does not claim a running row whose lease is fresh: reports it running instead", async () => {
    const id = await runningRow(1_000);
    const r = await claimByIds(h.db, [id], "w-new", TAKEOVER_MS);
    expect(r.claimed).toHaveLength(0);
    expect(r.others.get(id)).toBe("running");
    expect(await rowOf(id)).toMatchObject({ status: "running", attempts: 1, lockedBy: "w-old" });
  });

  it("takes over a running row whose worker stopped heart-beating", async () => {
    const id = await runningRow(TAKEOVER_MS + 5_000);
    const r = await claimByIds(h.db, [id], "w-new", TAKEOVER_MS);
    expect(r.claimed.map((c) => [c.id, c.attempts])).toEqual([[id, 2]]);
    expect(await rowOf(id)).toMatchObject({ status: "running", attempts: 2, lockedBy: "w-new" });
  });
});
