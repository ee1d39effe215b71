import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { AppError } from "../errors";
import { apiRoute } from "../http/handler";
import { forceQueueMode } from "../jobs/dispatch";
import { enqueueUnchecked } from "../jobs/enqueue";
import { startEmbeddedRunner, type EmbeddedRunner } from "../jobs/queue/embedded";
import { createTestEffectsTable, registerTestJobs, waitFor } from "../jobs/testing/test-jobs";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { initSentry, type SentryHandle } from "./sentry";
import { envelopeItems, startCaptureServer } from "./testing/capture-server";

type SentryEvent = {
  exception?: { values?: Array<{ type?: string; value?: string }> };
  tags?: Record<string, string>;
  request?: unknown;
  user?: unknown;
};

// A local HTTP server plays Sentry's ingest endpoint: what it receives is what would leave.
describe("Sentry error reporting (SENTRY_DSN set)", () => {
  let ingest: Awaited<ReturnType<typeof startCaptureServer>>;
  let sentry: SentryHandle;
  let h: DbHandle;
  const runners: EmbeddedRunner[] = [];
  const events = () =>
    ingest.received.flatMap((r) =>
      envelopeItems(r.body)
        .filter((i) => i.type === "event")
        .map((i) => ({ raw: r.body, path: r.path, event: i.payload as SentryEvent })),
    );

  beforeAll(async () => {
    ingest = await startCaptureServer();
    sentry = await initSentry({ dsn: `http://publickey@127.0.0.1:${ingest.port}/1`, processName: "web" });
    forceQueueMode("embedded");
    h = await useTestDb();
    registerTestJobs();
    await createTestEffectsTable(h.db);
  });
  afterAll(async () => {
    forceQueueMode(undefined);
    await sentry.close();
    await ingest.close();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop({ graceMs: 2000 })));
  });

  it("sends an unknown error that became a 500 once, tagged with the request id, without cookies or body", async () => {
    const message = `kaboom-${Date.now()}`;
    const route = apiRoute(async (req) => {
      await req.text();
      throw new Error(message);
    });
    const res = await route(
      new Request("http://localhost/api/v1/things", {
        method: "POST",
        headers: {
          cookie: "omnicrm.session_token=secret-cookie-value",
          "x-request-id": "req-observability-1",
          "content-type": "application/json",
        },
        body: JSON.stringify({ email: "private-person@example.com" }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain(message);
    // A deliberate 4xx is not an error worth tracking.
    const notFound = await apiRoute(async () => {
      throw new AppError("not_found");
    })(new Request("http://localhost/api/v1/x"), { params: Promise.resolve({}) });
    expect(notFound.status).toBe(404);
    await sentry.flush(5000);

    const sent = events();
    expect(sent).toHaveLength(1);
    const [{ raw, path, event }] = sent as [(typeof sent)[number]];
    expect(path.split("?")[0]).toBe("/api/1/envelope/");
    expect(event.exception?.values?.[0]?.value).toBe(message);
    expect(event.tags).toMatchObject({ requestId: "req-observability-1", process: "web" });
    expect(event.request).toBeUndefined();
    expect(event.user).toBeUndefined();
    expect(raw).not.toContain("secret-cookie-value");
    expect(raw).not.toContain("private-person@example.com");
    expect(raw).not.toContain("omnicrm.session_token");
  });

  it("sends a job that went dead (not its retries), tagged with job id and kind", async () => {
    const before = events().length;
    const u = await createTestUser(h);
    const [job] = await enqueueUnchecked({ db: h.db, userId: u.id }, [
      { kind: "test_effect", payload: { key: "dies", failAttempts: 99 } },
    ]);
    runners.push(
      startEmbeddedRunner({
        db: h.db,
        log: rootLog(),
        concurrency: 2,
        perUser: 2,
        pollMs: 50,
        userIds: [u.id],
      }),
    );
    await waitFor(async () => {
      await sentry.flush(1000);
      return events().length > before;
    });
    await new Promise((r) => setTimeout(r, 300));
    await sentry.flush(2000);
    const sent = events().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.event.exception?.values?.[0]?.value).toBe("test_effect: failing attempt 3");
    expect(sent[0]!.event.tags).toMatchObject({ jobId: job!.id, kind: "test_effect" });
    expect(sent[0]!.raw).not.toContain(u.email);
  });
});
