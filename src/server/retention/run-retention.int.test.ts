import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { contacts, notes } from "../db/schema/contacts";
import { rawEvents } from "../db/schema/interactions";
import { securityEvents, syncAudit } from "../db/schema/sync";
import { withSystem } from "../db/with-user";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { objectStore } from "../storage/object-store";
import { defaultRetention, runRetention } from "./run-retention";

const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe("runRetention", () => {
  let h: DbHandle;
  let userId: string;
  beforeAll(async () => {
    h = await useTestDb();
    userId = (await createTestUser(h)).id;
  });

  it("purges exactly what is past retention and keeps the rest", async () => {
    const ids = await withSystem(h.db, async (tx) => {
      const raw = await tx
        .insert(rawEvents)
        .values([
          { userId, provider: "gmail", sourceId: "old-done", payload: {}, processedAt: daysAgo(91) },
          { userId, provider: "gmail", sourceId: "new-done", payload: {}, processedAt: daysAgo(10) },
          { userId, provider: "gmail", sourceId: "old-pending", payload: {}, createdAt: daysAgo(400) },
        ])
        .returning({ id: rawEvents.id, sourceId: rawEvents.sourceId });
      const cs = await tx
        .insert(contacts)
        .values([
          { userId, displayName: "Gone", deletedAt: daysAgo(31), avatarPath: `avatars/${userId}/gone.png` },
          {
            userId,
            displayName: "Recently deleted",
            deletedAt: daysAgo(5),
            avatarPath: `avatars/${userId}/kept.png`,
          },
          { userId, displayName: "Active" },
        ])
        .returning({ id: contacts.id, name: contacts.displayName });
      await tx.insert(notes).values({ userId, contactId: cs[0]!.id, body: "goes with its contact" });
      const audit = await tx
        .insert(syncAudit)
        .values([
          { userId, provider: "gmail", action: "old", createdAt: daysAgo(366) },
          { userId, provider: "gmail", action: "recent", createdAt: daysAgo(300) },
        ])
        .returning({ id: syncAudit.id, action: syncAudit.action });
      const sec = await tx
        .insert(securityEvents)
        .values([
          { userId, kind: "old", createdAt: daysAgo(91) },
          { userId, kind: "recent", createdAt: daysAgo(89) },
        ])
        .returning({ id: securityEvents.id, kind: securityEvents.kind });
      return { raw, cs, audit, sec };
    });

    await objectStore().put(`avatars/${userId}/gone.png`, Buffer.from("gone"), "image/png");
    await objectStore().put(`avatars/${userId}/kept.png`, Buffer.from("kept"), "image/png");
    const counts = await runRetention({ db: h.db, log: rootLog() }, defaultRetention(90), NOW);
    // Other test files may share the database: assert on this user's rows, counts at least ours.
    expect(counts.rawEvents).toBeGreaterThanOrEqual(1);
    expect(counts.contacts).toBeGreaterThanOrEqual(1);
    // A purged contact's photo is removed from storage; a restorable one's is kept.
    expect(await objectStore().get(`avatars/${userId}/gone.png`)).toBeNull();
    expect((await objectStore().get(`avatars/${userId}/kept.png`))?.toString()).toBe("kept");
    expect(counts.syncAudit).toBeGreaterThanOrEqual(1);
    expect(counts.securityEvents).toBeGreaterThanOrEqual(1);

    const left = await withSystem(h.db, async (tx) => ({
      raw: await tx.select({ s: rawEvents.sourceId }).from(rawEvents).where(eq(rawEvents.userId, userId)),
      cs: await tx.select({ n: contacts.displayName }).from(contacts).where(eq(contacts.userId, userId)),
      notes: await tx.select().from(notes).where(eq(notes.userId, userId)),
      audit: await tx
        .select({ a: syncAudit.action })
        .from(syncAudit)
        .where(
          inArray(
            syncAudit.id,
            ids.audit.map((a) => a.id),
          ),
        ),
      sec: await tx
        .select({ k: securityEvents.kind })
        .from(securityEvents)
        .where(
          inArray(
            securityEvents.id,
            ids.sec.map((s) => s.id),
          ),
        ),
    }));
    expect(left.raw.map((r) => r.s).sort()).toEqual(["new-done", "old-pending"]);
    expect(left.cs.map((r) => r.n).sort()).toEqual(["Active", "Recently deleted"]);
    expect(left.notes).toEqual([]);
    expect(left.audit.map((r) => r.a)).toEqual(["recent"]);
    expect(left.sec.map((r) => r.k)).toEqual(["recent"]);

    // Running again finds nothing more of ours.
    await runRetention({ db: h.db, log: rootLog() }, defaultRetention(90), NOW);
    const again = await withSystem(h.db, (tx) =>
      tx.select().from(rawEvents).where(eq(rawEvents.userId, userId)),
    );
    expect(again).toHaveLength(2);
  });
});
