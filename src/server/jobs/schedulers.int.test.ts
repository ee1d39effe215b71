import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { jobs } from "../db/schema/jobs";
import { userIntegrations } from "../db/schema/sync";
import { withSystem, withUser } from "../db/with-user";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { forceQueueMode } from "./dispatch";
import { enqueueScheduledSyncs } from "../sync/enqueue-scheduled-syncs";

describe("periodic Google sync scheduler", () => {
  let h: DbHandle;
  const log = rootLog();

  beforeAll(async () => {
    forceQueueMode("embedded");
    h = await useTestDb();
  });
  afterAll(() => forceQueueMode(undefined));

  const jobsOf = (userId: string) =>
    withSystem(h.db, (tx) => tx.select().from(jobs).where(eq(jobs.userId, userId)));

  it("enqueues one incremental sync per connected service, never stacking ticks", async () => {
    const u = await createTestUser(h);
    const off = await createTestUser(h);
    await withUser({ db: h.db, userId: u.id }, (tx) =>
      tx.insert(userIntegrations).values([
        { userId: u.id, provider: "google", service: "gmail" },
        { userId: u.id, provider: "google", service: "calendar" },
      ]),
    );
    await withUser({ db: h.db, userId: off.id }, (tx) =>
      tx
        .insert(userIntegrations)
        .values({ userId: off.id, provider: "google", service: "gmail", status: "needs_reconnect" }),
    );
    await enqueueScheduledSyncs({ db: h.db, log }, { gmail: true, calendar: true });
    await enqueueScheduledSyncs({ db: h.db, log }, { gmail: true, calendar: true });
    const mine = await jobsOf(u.id);
    expect(mine.map((j) => j.kind).sort()).toEqual(["google_calendar_sync", "google_gmail_sync"]);
    expect(mine.every((j) => (j.payload as { incremental: boolean }).incremental)).toBe(true);
    expect(await jobsOf(off.id)).toEqual([]);
  });

  it("skips services whose feature is off", async () => {
    const u = await createTestUser(h);
    await withUser({ db: h.db, userId: u.id }, (tx) =>
      tx.insert(userIntegrations).values({ userId: u.id, provider: "google", service: "calendar" }),
    );
    await enqueueScheduledSyncs({ db: h.db, log }, { gmail: true, calendar: false });
    expect(await jobsOf(u.id)).toEqual([]);
  });
});
