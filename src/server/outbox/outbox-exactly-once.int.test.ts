import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createContact } from "../contacts/create-contact";
import type { DbHandle } from "../db/client";
import { interactions } from "../db/schema/interactions";
import { jobs } from "../db/schema/jobs";
import { outboxItems } from "../db/schema/outbox";
import { withSystem, withUser } from "../db/with-user";
import { forceQueueMode } from "../jobs/dispatch";
import { startEmbeddedRunner, type EmbeddedRunner } from "../jobs/queue/embedded";
import { sweepStaleJobs } from "../jobs/sweep-stale-jobs";
import { waitFor } from "../jobs/testing/test-jobs";
import { rootLog } from "../log";
import { connectedUser, setupGoogleEmulator } from "../sync/testing/google-test-env";
import { useTestDb } from "../testing/test-db";
import { approveOutboxItems } from "./approve-outbox-items";
import { createOutboxItem } from "./create-outbox-item";
import { getOutboxItem } from "./get-outbox-item";
import { grantSend, runJobs, sentCopies } from "./testing/outbox-test-env";

// Exactly once: Gmail accepted the message but the job never learned it (its answer was lost,
// or the worker was killed while waiting for it). The retry must find the accepted copy by the
// item's fixed Message-ID instead of sending a second one. Without that look-up both tests
// end with two copies in SENT.

let h: DbHandle;
const log = rootLog();
const runners: EmbeddedRunner[] = [];
beforeAll(async () => {
  forceQueueMode("embedded");
  h = await useTestDb();
});
afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop({ graceMs: 0 }).catch(() => undefined);
});
afterAll(() => forceQueueMode(undefined));
const { emu } = setupGoogleEmulator({ mailbox: { messages: 3, includeFixtures: false } });
const SEND_PATH = "/gmail/v1/users/me/messages/send";

async function approvedItem(subject: string) {
  const c = await connectedUser(h, emu(), { mailbox: { messages: 3, includeFixtures: false } });
  await grantSend(c.ctx, emu(), c.account);
  const emma = await createContact(c.ctx, {
    displayName: "Emma Johnson",
    emails: [{ value: "emma.j@example.net", isPrimary: true }],
  });
  const draft = await createOutboxItem(c.ctx, { contactId: emma.id, subject, body: "Only once, please." });
  const [header] = await withUser(c.ctx, (tx) =>
    tx
      .select({ v: outboxItems.messageIdHeader })
      .from(outboxItems)
      .where(and(eq(outboxItems.userId, c.ctx.userId), eq(outboxItems.id, draft.id))),
  );
  return { ...c, draft, header: header!.v };
}

const timelineRows = (ctx: { db: DbHandle["db"]; userId: string }, gmailId: string) =>
  withUser(ctx, (tx) =>
    tx
      .select({ id: interactions.id })
      .from(interactions)
      .where(
        and(
          eq(interactions.userId, ctx.userId),
          eq(interactions.source, "gmail"),
          eq(interactions.sourceId, gmailId),
        ),
      ),
  );

describe("outbox exactly once", () => {
  it("Gmail's answer is lost after it accepted: the retry records that copy, it does not send again", async () => {
    const { ctx, account, draft, header } = await approvedItem("Lost answer");
    emu().control.setFault({ kind: "lose_response", count: 1, pathPrefix: SEND_PATH });
    await approveOutboxItems(ctx, { ids: [draft.id] });
    await runJobs(ctx);
    expect(await sentCopies(emu(), account, header)).toHaveLength(1);
    expect((await getOutboxItem(ctx, { id: draft.id })).status).toBe("sending");

    await runJobs(ctx, { dueRetries: true });
    const sent = await getOutboxItem(ctx, { id: draft.id });
    expect(sent.status).toBe("sent");
    expect(await sentCopies(emu(), account, header)).toHaveLength(1);
    expect(await timelineRows(ctx, sent.messageId!)).toHaveLength(1);
  });

  it("a 429 from messages.send backs off through the job's retry, then sends once", async () => {
    const { ctx, account, draft, header } = await approvedItem("Rate limited");
    emu().control.setFault({ kind: "rate_limit_429", count: 1, pathPrefix: SEND_PATH });
    await approveOutboxItems(ctx, { ids: [draft.id] });
    await runJobs(ctx);
    const waiting = await getOutboxItem(ctx, { id: draft.id });
    expect(waiting.status).toBe("sending");
    expect(waiting.lastError).toBeTruthy();
    const [job] = await withSystem(h.db, (tx) =>
      tx
        .select({ status: jobs.status, runAfter: jobs.runAfter })
        .from(jobs)
        .where(and(eq(jobs.userId, ctx.userId), eq(jobs.kind, "outbox_send"))),
    );
    expect(job!.status).toBe("error");
    expect(job!.runAfter.getTime()).toBeGreaterThan(Date.now() + 10_000); // backed off, not hammering
    expect(await sentCopies(emu(), account, header)).toHaveLength(0);

    await runJobs(ctx, { dueRetries: true });
    expect((await getOutboxItem(ctx, { id: draft.id })).status).toBe("sent");
    expect(await sentCopies(emu(), account, header)).toHaveLength(1);
  });

  it("the worker is killed after Gmail accepted: another worker finishes it and the mailbox holds one copy", async () => {
    const { ctx, account, draft, header } = await approvedItem("Killed worker");
    // Gmail stores the message; its answer never reaches the worker, which is killed meanwhile.
    emu().control.setFault({ kind: "lose_response", count: 1, delayMs: 20_000, pathPrefix: SEND_PATH });
    const start = (heartbeatMs?: number) => {
      const r = startEmbeddedRunner({
        db: h.db,
        log,
        concurrency: 2,
        perUser: 2,
        pollMs: 50,
        heartbeatMs,
        userIds: [ctx.userId],
      });
      runners.push(r);
      return r;
    };
    const victim = start();
    await approveOutboxItems(ctx, { ids: [draft.id] });
    await waitFor(async () => (await sentCopies(emu(), account, header)).length > 0, 15_000, 50);
    victim.crash();
    runners.splice(runners.indexOf(victim), 1); // dead: nothing to stop (its request hangs on)
    expect((await getOutboxItem(ctx, { id: draft.id })).status).toBe("sending");

    start(100);
    await waitFor(
      async () => {
        // Well above the new runner's 100 ms heartbeat, so only the dead runner's job is swept.
        await sweepStaleJobs({ db: h.db, log }, { staleMs: 2_000, userIds: [ctx.userId] });
        return (await getOutboxItem(ctx, { id: draft.id })).status === "sent";
      },
      20_000,
      100,
    );
    const sent = await getOutboxItem(ctx, { id: draft.id });
    expect(await sentCopies(emu(), account, header)).toHaveLength(1);
    expect(await timelineRows(ctx, sent.messageId!)).toHaveLength(1);
    const [job] = await withSystem(h.db, (tx) =>
      tx
        .select({ status: jobs.status, attempts: jobs.attempts })
        .from(jobs)
        .where(and(eq(jobs.userId, ctx.userId), eq(jobs.kind, "outbox_send"))),
    );
    // The killed attempt counted; a saturated machine may add one more lease lapse, never a copy.
    expect(job!.status).toBe("done");
    expect(job!.attempts).toBeGreaterThanOrEqual(2);
  });
});
