import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { runUserJobsNow } from "../jobs/queue/embedded";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { approveImport } from "./approve-import";
import { loadBatch } from "./batch-progress";
import { getSyncStatus } from "./get-sync-status";
import { listBatches } from "./list-batches";
import { syncGmail } from "./sync-gmail";
import { undoBatch } from "./undo-batch";
import { countsFor } from "./testing/counts";
import { connectedUser, listedIds, setupGoogleEmulator } from "./testing/google-test-env";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const { emu } = setupGoogleEmulator();
const small = { mailbox: { messages: 40, includeFixtures: true } };

describe("import pipeline", () => {
  it("runs through the job queue; approving twice never duplicates", async () => {
    const { ctx, account } = await connectedUser(h, emu(), small);
    const expected = (await listedIds(emu(), account)).length;
    const a = await approveImport(ctx, { service: "gmail" });
    const b = await approveImport(ctx, { service: "gmail" });
    expect(b.batchId).toBe(a.batchId); // still queued → same batch
    await runUserJobsNow(h.db, rootLog(), ctx.userId, { perUser: 2, budgetMs: 60_000 });
    expect((await loadBatch(ctx, a.batchId))?.status).toBe("done");
    const first = await countsFor(h.db, ctx.userId);
    expect(first.interactions).toBe(expected);
    const c = await approveImport(ctx, { service: "gmail" });
    expect(c.batchId).not.toBe(a.batchId);
    await runUserJobsNow(h.db, rootLog(), ctx.userId, { perUser: 2, budgetMs: 60_000 });
    expect(await countsFor(h.db, ctx.userId)).toEqual(first);
    const batches = await listBatches(ctx);
    expect(batches.map((x) => x.status)).toEqual(["done", "done"]);
    expect(batches[0]!.counts).not.toHaveProperty("pageToken");
  });

  it("undo removes the batch's items and untouched contacts, keeps edited ones, and is idempotent", async () => {
    const { ctx } = await connectedUser(h, emu(), small);
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });
    const before = await countsFor(h.db, ctx.userId);
    expect(before.contacts).toBeGreaterThan(1);
    const kept = await withUser({ db: h.db, userId: ctx.userId }, async (tx) => {
      const r = await tx.execute<{ id: string }>(
        sql`UPDATE contacts SET user_edited_at = now() WHERE id = (SELECT id FROM contacts WHERE user_id = ${ctx.userId} ORDER BY display_name LIMIT 1) RETURNING id`,
      );
      return r.rows[0]!.id;
    });
    const undone = await undoBatch(ctx, { batchId });
    expect(undone.alreadyUndone).toBe(false);
    expect(undone.removed.interactions).toBe(before.interactions);
    expect(undone.removed.contacts).toBe(before.contacts - 1);
    const after = await countsFor(h.db, ctx.userId);
    expect(after).toEqual({ interactions: 0, contacts: 1, links: 0, raw: 0 });
    const again = await undoBatch(ctx, { batchId });
    expect(again.alreadyUndone).toBe(true);
    const still = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute(sql`SELECT 1 FROM contacts WHERE id = ${kept}::uuid`),
    );
    expect(still.rows).toHaveLength(1);
    await expect(undoBatch(ctx, {})).rejects.toMatchObject({ code: "missing_batchId" });
    const other = await createTestUser(h);
    await expect(undoBatch({ ...ctx, userId: other.id }, { batchId })).rejects.toMatchObject({
      code: "not_found",
    });
    const audit = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute<{ action: string }>(
        sql`SELECT action FROM sync_audit WHERE user_id = ${ctx.userId} ORDER BY created_at`,
      ),
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["approve", "undo"]);
  });

  it("a throttled, flaky Google still yields every message", async () => {
    const { ctx, account } = await connectedUser(h, emu(), small);
    const expected = (await listedIds(emu(), account)).length;
    emu().control.resetStats();
    emu().control.setFault({ kind: "rate_limit_429", count: 2, retryAfterSec: 1 });
    emu().control.setFault({ kind: "rate_limit_403", count: 3 });
    emu().control.setFault({ kind: "server_500", count: 3 });
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });
    emu().control.clearFaults();
    const s = emu().control.stats();
    expect(s.throttled429 + s.throttled403 + s.serverErrors).toBe(8);
    expect((await countsFor(h.db, ctx.userId)).interactions).toBe(expected);
  });

  it("a revoked grant marks Gmail needs_reconnect and stops retrying", async () => {
    const { ctx, account } = await connectedUser(h, emu(), small);
    emu().control.revokeAllGrants(account);
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await expect(syncGmail(ctx, { batchId, incremental: false })).rejects.toMatchObject({
      name: "PermanentJobError",
    });
    const status = await getSyncStatus(ctx);
    expect(status.providers.gmail.state).toBe("needs_reconnect");
    expect(status.providers.gmail.lastError).toMatch(/Reconnect/);
    await expect(approveImport(ctx, { service: "gmail" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a crash mid-import resumes from the checkpoint instead of restarting", async () => {
    const { ctx, account } = await connectedUser(h, emu(), { mailbox: { messages: 700 } });
    const expected = (await listedIds(emu(), account)).length;
    expect(expected).toBeGreaterThan(500);
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    emu().control.resetStats();
    const crashing = { ...ctx, reportProgress: () => Promise.reject(new Error("worker killed")) };
    await expect(syncGmail(crashing, { batchId, incremental: false })).rejects.toThrow("worker killed");
    const mid = await loadBatch(ctx, batchId);
    expect(mid?.counts.done).toBe(500);
    expect(typeof mid?.counts.pageToken).toBe("string");
    expect((await getSyncStatus(ctx)).providers.gmail).toMatchObject({ state: "importing", done: 500 });
    emu().control.resetStats();
    await syncGmail(ctx, { batchId, incremental: false });
    const gets = emu().control.stats().byEndpoint["gmail.users.messages.get"] ?? 0;
    expect(gets).toBe(expected - 500); // only the second page was fetched again
    expect((await countsFor(h.db, ctx.userId)).interactions).toBe(expected);
    expect((await loadBatch(ctx, batchId))?.status).toBe("done");
  });

  it("an expired history cursor falls back to a full sync", async () => {
    const { ctx, account } = await connectedUser(h, emu(), small);
    await syncGmail(ctx, { batchId: null, incremental: false });
    emu().control.addMessage(account, {
      from: "New Client <new.client@gmail.com>",
      to: account,
      subject: "Hello there",
    });
    emu().control.expireHistory(account);
    await syncGmail(ctx, { batchId: null, incremental: true });
    const expected = (await listedIds(emu(), account)).length;
    expect((await countsFor(h.db, ctx.userId)).interactions).toBe(expected);
  });
});
