import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { securityEvents } from "../db/schema/sync";
import { withSystem } from "../db/with-user";
import type { DbHandle } from "../db/client";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { purgeSecurityEvents } from "./purge-security-events";
import { storeSecurityEvent } from "./record-security-event";

describe("security events", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await useTestDb();
  });

  it("stores an event per user and purges only those older than 90 days", async () => {
    const u = await createTestUser(h);
    const marker = randomUUID();
    await storeSecurityEvent(h.db, {
      kind: "sign_in_failed",
      userId: u.id,
      ip: "10.0.0.1",
      details: { marker },
    });
    await storeSecurityEvent(h.db, { kind: "csrf_rejected", userId: u.id, details: { marker, old: true } });
    await withSystem(h.db, (tx) =>
      tx.execute(sql`UPDATE security_events SET created_at = now() - interval '91 days'
        WHERE details->>'marker' = ${marker} AND details->>'old' = 'true'`),
    );
    const removed = await purgeSecurityEvents({ db: h.db, log: rootLog() });
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = await withSystem(h.db, (tx) =>
      tx.select().from(securityEvents).where(eq(securityEvents.userId, u.id)),
    );
    expect(left.map((r) => r.kind)).toEqual(["sign_in_failed"]);
    expect(left[0]?.ip).toBe("10.0.0.1");
  });
});
