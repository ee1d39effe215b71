import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { POST as calendarPost } from "@/app/api/v1/webhooks/google/calendar/route";
import { POST as gmailPost } from "@/app/api/v1/webhooks/google/gmail/route";
import type { DbHandle } from "../../db/client";
import { jobs } from "../../db/schema/jobs";
import { googlePushChannels } from "../../db/schema/push";
import { withSystem } from "../../db/with-user";
import { forceQueueMode } from "../../jobs/dispatch";
import { runUserJobsNow } from "../../jobs/queue/embedded";
import { enqueueScheduledSyncs } from "../../sync/enqueue-scheduled-syncs";
import { rootLog } from "../../log";
import { metricsRegistry } from "../../metrics/registry";
import { approveImport } from "../../sync/approve-import";
import { countsFor } from "../../sync/testing/counts";
import { connectedUser, setupGoogleEmulator, type Connected } from "../../sync/testing/google-test-env";
import { useTestDb } from "../../testing/test-db";
import { disconnectGoogle } from "../disconnect-google";
import { CALENDAR_WEBHOOK_PATH, GMAIL_WEBHOOK_PATH } from "./push-config";
import { renewPushChannels } from "./renew-push-channels";
import { startRouteServer } from "./testing/webhook-server";

const TOPIC = "projects/omnicrm-test/topics/gmail-push";
const SECRET = "pubsub-shared-secret-0123456789";
const log = rootLog();
let h: DbHandle;
let app: Awaited<ReturnType<typeof startRouteServer>>;
const { emu } = setupGoogleEmulator();

beforeAll(async () => {
  h = await useTestDb();
  forceQueueMode("embedded");
  // The webhook routes use the process database: point it at this file's test database.
  (globalThis as unknown as { __omnicrmDb?: Promise<DbHandle> }).__omnicrmDb = Promise.resolve(h);
  app = await startRouteServer({ [CALENDAR_WEBHOOK_PATH]: calendarPost, [GMAIL_WEBHOOK_PATH]: gmailPost });
  Object.assign(process.env, {
    GOOGLE_PUSH_BASE_URL: app.baseUrl,
    GOOGLE_PUBSUB_TOPIC: TOPIC,
    GOOGLE_PUBSUB_VERIFICATION_TOKEN: SECRET,
    GOOGLE_PUSH_DEBOUNCE_SECONDS: "0",
  });
  resetEnvCache();
  emu().control.setPubSubPush(TOPIC, `${app.baseUrl}${GMAIL_WEBHOOK_PATH}?token=${SECRET}`);
});
afterAll(async () => {
  forceQueueMode(undefined);
  (globalThis as unknown as { __omnicrmDb?: unknown }).__omnicrmDb = undefined;
  for (const k of ["GOOGLE_PUSH_BASE_URL", "GOOGLE_PUBSUB_TOPIC", "GOOGLE_PUBSUB_VERIFICATION_TOKEN"])
    delete process.env[k];
  resetEnvCache();
  await app.close();
});

const runJobs = (userId: string) => runUserJobsNow(h.db, log, userId, { perUser: 2, budgetMs: 60_000 });

async function queued(userId: string, kind: string) {
  return withSystem(h.db, (tx) =>
    tx
      .select({ id: jobs.id, dedupeKey: jobs.dedupeKey })
      .from(jobs)
      .where(and(eq(jobs.userId, userId), eq(jobs.kind, kind), eq(jobs.status, "queued"))),
  );
}

async function channelRow(userId: string, service: "gmail" | "calendar") {
  const [row] = await withSystem(h.db, (tx) =>
    tx
      .select()
      .from(googlePushChannels)
      .where(and(eq(googlePushChannels.userId, userId), eq(googlePushChannels.service, service))),
  );
  return row;
}

async function importApproved(c: Connected, service: "gmail" | "calendar") {
  await approveImport(c.ctx, { service });
  await runJobs(c.user.id);
}

const inHours = (n: number) => ({ dateTime: new Date(Date.now() + n * 3_600_000).toISOString() });
const post = (path: string, init: RequestInit = {}) =>
  fetch(`${app.baseUrl}${path}`, { method: "POST", ...init });

describe("Calendar push", () => {
  it("registers a channel after the approved import; a burst of notifications gives one sync that imports the change", async () => {
    const c = await connectedUser(h, emu(), { calendar: { events: 5 }, mailbox: { messages: 3 } });
    await importApproved(c, "calendar");
    const regs = emu().control.pushRegistrations(c.account).calendar;
    expect(regs).toHaveLength(1);
    expect(regs[0]!.address).toBe(`${app.baseUrl}${CALENDAR_WEBHOOK_PATH}`);
    const row = await channelRow(c.user.id, "calendar");
    expect(row?.channelId).toBe(regs[0]!.id);
    expect(row?.tokenSha256).toMatch(/^[0-9a-f]{64}$/);

    const before = (await countsFor(h.db, c.user.id, "calendar")).interactions;
    emu().control.addEvent(c.account, { summary: "Pushed session", start: inHours(3), end: inHours(4) });
    const burst = [
      ...(await emu().control.pushCalendar(c.account)),
      ...(await emu().control.pushCalendar(c.account)),
      ...(await emu().control.pushCalendar(c.account)),
    ];
    expect(burst.map((d) => d.status)).toEqual([200, 200, 200]);
    expect(await queued(c.user.id, "google_calendar_sync")).toHaveLength(1);
    await runJobs(c.user.id);
    expect((await countsFor(h.db, c.user.id, "calendar")).interactions).toBe(before + 1);

    // Replaying an already-seen message number runs nothing.
    const last = burst[2]!.messageNumber!;
    const [replay] = await emu().control.pushCalendar(c.account, { messageNumber: last });
    expect(replay!.status).toBe(200);
    // The `sync` handshake is acknowledged without work.
    const [hello] = await emu().control.pushCalendar(c.account, { resourceState: "sync" });
    expect(hello!.status).toBe(200);
    expect(await queued(c.user.id, "google_calendar_sync")).toHaveLength(0);

    const text = await metricsRegistry.metrics();
    expect(text).toMatch(/omnicrm_google_api_calls_total\{service="calendar",outcome="ok"\} [1-9]/);
  });

  it("queues at most one follow-up behind a sync that is already running", async () => {
    const c = await connectedUser(h, emu(), { calendar: { events: 3 }, mailbox: { messages: 3 } });
    await importApproved(c, "calendar");
    await emu().control.pushCalendar(c.account);
    const [live] = await queued(c.user.id, "google_calendar_sync");
    await withSystem(h.db, (tx) =>
      tx.execute(sql`UPDATE jobs SET status = 'running' WHERE id = ${live!.id}`),
    );
    await emu().control.pushCalendar(c.account);
    await emu().control.pushCalendar(c.account);
    expect((await queued(c.user.id, "google_calendar_sync")).map((j) => j.dedupeKey)).toEqual([
      "push-followup",
    ]);
    await withSystem(h.db, (tx) => tx.execute(sql`UPDATE jobs SET status = 'queued' WHERE id = ${live!.id}`));
    await runJobs(c.user.id);
  });

  it("answers 401 to a wrong token and 404 to an unknown channel, and runs nothing", async () => {
    const c = await connectedUser(h, emu(), { calendar: { events: 3 }, mailbox: { messages: 3 } });
    await importApproved(c, "calendar");
    const [forged] = await emu().control.pushCalendar(c.account, { token: "not-the-token" });
    expect(forged!.status).toBe(401);
    const unknown = await post(CALENDAR_WEBHOOK_PATH, {
      headers: {
        "X-Goog-Channel-ID": "00000000-0000-4000-8000-000000000000",
        "X-Goog-Channel-Token": "x",
        "X-Goog-Resource-State": "exists",
        "X-Goog-Message-Number": "9",
      },
    });
    expect(unknown.status).toBe(404);
    expect((await post(CALENDAR_WEBHOOK_PATH)).status).toBe(404);
    expect(await queued(c.user.id, "google_calendar_sync")).toHaveLength(0);
  });

  it("renews a channel before it expires and stops the old one; disconnect stops it", async () => {
    const c = await connectedUser(h, emu(), { calendar: { events: 3 }, mailbox: { messages: 3 } });
    await importApproved(c, "calendar");
    const old = (await channelRow(c.user.id, "calendar"))!;
    await withSystem(h.db, (tx) =>
      tx.execute(sql`UPDATE google_push_channels SET expires_at = now() + interval '1 hour'
        WHERE id = ${old.id}`),
    );
    const r = await renewPushChannels({ db: h.db, log });
    expect(r.renewed).toBeGreaterThanOrEqual(1);
    const fresh = (await channelRow(c.user.id, "calendar"))!;
    expect(fresh.channelId).not.toBe(old.channelId);
    expect(fresh.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(
      emu()
        .control.pushRegistrations(c.account)
        .calendar.map((x) => x.id),
    ).toEqual([fresh.channelId]);
    const [ok] = await emu().control.pushCalendar(c.account);
    expect(ok!.status).toBe(200);

    await disconnectGoogle(c.ctx, { service: "calendar" });
    expect(emu().control.pushRegistrations(c.account).calendar).toEqual([]);
    expect(await channelRow(c.user.id, "calendar")).toBeUndefined();
  });

  it("polls accounts on push only as a slow safety net", async () => {
    const c = await connectedUser(h, emu(), { calendar: { events: 3 }, mailbox: { messages: 3 } });
    await importApproved(c, "calendar");
    await enqueueScheduledSyncs({ db: h.db, log }, { gmail: false, calendar: true });
    expect(await queued(c.user.id, "google_calendar_sync")).toHaveLength(0);
  });
});

describe("Gmail push", () => {
  const envelope = (emailAddress: string, historyId: number) => ({
    message: {
      data: Buffer.from(JSON.stringify({ emailAddress, historyId })).toString("base64"),
      messageId: "1",
    },
    subscription: "projects/omnicrm-test/subscriptions/gmail-push",
  });
  const postGmail = (token: string, body: unknown) =>
    post(`${GMAIL_WEBHOOK_PATH}?token=${encodeURIComponent(token)}`, {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("watches the mailbox after the approved import; a verified push syncs once, replays do nothing", async () => {
    const c = await connectedUser(h, emu(), { calendar: { events: 2 }, mailbox: { messages: 5 } });
    await importApproved(c, "gmail");
    expect(emu().control.pushRegistrations(c.account).gmail?.topicName).toBe(TOPIC);
    expect((await channelRow(c.user.id, "gmail"))?.resource).toBe(c.account);

    const before = (await countsFor(h.db, c.user.id, "gmail")).interactions;
    const mail = (subject: string) =>
      emu().control.addMessage(c.account, {
        from: "Dana Client <dana@clientco.com>",
        to: c.account,
        subject,
        text: "hi",
        labelIds: ["INBOX"],
      });
    // A burst: two changes, two pushes (newer historyIds), then a Pub/Sub redelivery.
    mail("Pushed hello");
    const first = await emu().control.pushGmail(c.account);
    const m = mail("Pushed again");
    const second = await emu().control.pushGmail(c.account);
    const again = await emu().control.pushGmail(c.account, { historyId: Number(m.historyId) });
    expect([first.status, second.status, again.status]).toEqual([200, 200, 200]);
    expect(await queued(c.user.id, "google_gmail_sync")).toHaveLength(1);
    await runJobs(c.user.id);
    expect((await countsFor(h.db, c.user.id, "gmail")).interactions).toBe(before + 2);
    expect((await emu().control.pushGmail(c.account, { historyId: Number(m.historyId) })).status).toBe(200);
    expect(await queued(c.user.id, "google_gmail_sync")).toHaveLength(0);

    await disconnectGoogle(c.ctx, { service: "gmail" });
    expect(emu().control.pushRegistrations(c.account).gmail).toBeNull();
    expect((await postGmail(SECRET, envelope(c.account, Number(m.historyId) + 5))).status).toBe(404);
  });

  it("rejects an unverified push (401) and an unknown mailbox (404) without running anything", async () => {
    const c = await connectedUser(h, emu(), { calendar: { events: 2 }, mailbox: { messages: 3 } });
    await importApproved(c, "gmail");
    expect((await postGmail("wrong", envelope(c.account, 999_999))).status).toBe(401);
    expect((await post(GMAIL_WEBHOOK_PATH, { body: JSON.stringify(envelope(c.account, 1)) })).status).toBe(
      401,
    );
    expect((await postGmail(SECRET, envelope("nobody@example.com", 999_999))).status).toBe(404);
    expect((await postGmail(SECRET, { message: { data: "!!" } })).status).toBe(400);
    expect(await queued(c.user.id, "google_gmail_sync")).toHaveLength(0);
  });
});

describe("Gmail push verified by the subscription's OIDC token", () => {
  const SA = "omnicrm-push@omnicrm-test.iam.gserviceaccount.com";
  let audience = "";
  const subscribe = (auth?: { audience: string; serviceAccountEmail?: string }) =>
    emu().control.setPubSubPush(TOPIC, `${app.baseUrl}${GMAIL_WEBHOOK_PATH}`, auth);

  beforeAll(() => {
    audience = `${app.baseUrl}${GMAIL_WEBHOOK_PATH}`;
    delete process.env.GOOGLE_PUBSUB_VERIFICATION_TOKEN;
    Object.assign(process.env, {
      GOOGLE_PUBSUB_AUDIENCE: audience,
      GOOGLE_PUBSUB_SERVICE_ACCOUNT: SA,
      GOOGLE_OIDC_CERTS_URL: new URL("/oauth2/v1/certs", emu().apiRootUrl).toString(),
    });
    resetEnvCache();
  });
  afterAll(() => {
    for (const k of ["GOOGLE_PUBSUB_AUDIENCE", "GOOGLE_PUBSUB_SERVICE_ACCOUNT", "GOOGLE_OIDC_CERTS_URL"])
      delete process.env[k];
    process.env.GOOGLE_PUBSUB_VERIFICATION_TOKEN = SECRET;
    resetEnvCache();
    emu().control.setPubSubPush(TOPIC, `${app.baseUrl}${GMAIL_WEBHOOK_PATH}?token=${SECRET}`);
  });

  it("accepts a Google-signed token for our audience and service account, and nothing else", async () => {
    const c = await connectedUser(h, emu(), { calendar: { events: 2 }, mailbox: { messages: 3 } });
    subscribe({ audience, serviceAccountEmail: SA });
    await importApproved(c, "gmail");
    const mail = () =>
      emu().control.addMessage(c.account, { from: "x@clientco.com", to: c.account, subject: "s", text: "t" });

    mail();
    subscribe({ audience: "https://elsewhere.example/push", serviceAccountEmail: SA });
    expect((await emu().control.pushGmail(c.account)).status).toBe(401);
    subscribe({ audience, serviceAccountEmail: "someone-else@evil.iam.gserviceaccount.com" });
    expect((await emu().control.pushGmail(c.account)).status).toBe(401);
    subscribe();
    expect((await emu().control.pushGmail(c.account)).status).toBe(401);
    expect((await emu().control.pushGmail(c.account, { authorization: "Bearer a.b.c" })).status).toBe(401);
    expect(await queued(c.user.id, "google_gmail_sync")).toHaveLength(0);

    subscribe({ audience, serviceAccountEmail: SA });
    expect((await emu().control.pushGmail(c.account)).status).toBe(200);
    expect(await queued(c.user.id, "google_gmail_sync")).toHaveLength(1);
  });
});
