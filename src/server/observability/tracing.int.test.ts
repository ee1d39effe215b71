import { trace } from "@opentelemetry/api";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { forceQueueMode } from "../jobs/dispatch";
import { enqueueUnchecked } from "../jobs/enqueue";
import { startEmbeddedRunner, type EmbeddedRunner } from "../jobs/queue/embedded";
import { createTestEffectsTable, registerTestJobs, waitFor } from "../jobs/testing/test-jobs";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { initTracing, type TracingHandle } from "./tracing";
import { startCaptureServer } from "./testing/capture-server";

type AnyValue = { stringValue?: string; intValue?: number | string };
type OtlpSpan = {
  name: string;
  attributes: Array<{ key: string; value: AnyValue }>;
  status?: { code?: number };
};
type OtlpBody = {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: AnyValue }> };
    scopeSpans: Array<{ spans: OtlpSpan[] }>;
  }>;
};

const attr = (list: Array<{ key: string; value: AnyValue }>, key: string) =>
  list.find((a) => a.key === key)?.value.stringValue;

// A local HTTP server plays the OTLP collector: the spans it receives are what would leave.
describe("OpenTelemetry tracing (OTEL_EXPORTER_OTLP_ENDPOINT set)", () => {
  let collector: Awaited<ReturnType<typeof startCaptureServer>>;
  let tracing: TracingHandle;
  let h: DbHandle;
  const runners: EmbeddedRunner[] = [];
  const exported = () =>
    collector.received
      .filter((r) => r.method === "POST" && r.path === "/v1/traces")
      .map((r) => JSON.parse(r.body) as OtlpBody);
  const jobSpans = () =>
    exported().flatMap((b) =>
      b.resourceSpans.flatMap((rs) =>
        rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => ({ span: s, resource: rs.resource }))),
      ),
    );

  beforeAll(async () => {
    collector = await startCaptureServer();
    tracing = await initTracing({
      endpoint: `${collector.url}/`,
      serviceName: "omnicrm-test",
      processName: "worker",
      scheduledDelayMillis: 50,
    });
    forceQueueMode("embedded");
    h = await useTestDb();
    registerTestJobs();
    await createTestEffectsTable(h.db);
  });
  afterAll(async () => {
    forceQueueMode(undefined);
    await tracing.shutdown();
    await collector.close();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop({ graceMs: 2000 })));
  });

  it("exports one span per job run with its kind, id and outcome, as OTLP/HTTP JSON", async () => {
    const u = await createTestUser(h);
    const [ok, dead] = await enqueueUnchecked({ db: h.db, userId: u.id }, [
      { kind: "test_effect", payload: { key: "traced" } },
      { kind: "test_no_handler", payload: {} },
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
    const spanOf = (id: string) => jobSpans().find((s) => attr(s.span.attributes, "job.id") === id);
    await waitFor(async () => {
      await tracing.flush();
      return Boolean(spanOf(ok!.id) && spanOf(dead!.id));
    });

    expect(collector.received.every((r) => r.contentType.startsWith("application/json"))).toBe(true);
    const done = spanOf(ok!.id)!;
    expect(done.span.name).toBe("job test_effect");
    expect(attr(done.span.attributes, "job.kind")).toBe("test_effect");
    expect(attr(done.span.attributes, "job.outcome")).toBe("done");
    expect(done.span.status?.code ?? 0).not.toBe(2);
    expect(attr(done.resource.attributes, "service.name")).toBe("omnicrm-test");

    const failed = spanOf(dead!.id)!;
    expect(attr(failed.span.attributes, "job.kind")).toBe("test_no_handler");
    expect(attr(failed.span.attributes, "job.outcome")).toBe("dead");
    expect(failed.span.status?.code).toBe(2); // STATUS_CODE_ERROR
    // Each run is its own span: nothing ran twice.
    expect(jobSpans().filter((s) => attr(s.span.attributes, "job.id") === ok!.id)).toHaveLength(1);
  });

  it("never exports a request's query string (Next.js puts it in http.target)", async () => {
    trace
      .getTracer("test")
      .startSpan("GET /api/v1/contacts", {
        attributes: {
          "http.target": "/api/v1/contacts?q=private-person%40example.com",
          "http.status_code": 200,
        },
      })
      .end();
    const named = () => jobSpans().find((s) => s.span.name === "GET /api/v1/contacts");
    await waitFor(async () => {
      await tracing.flush();
      return Boolean(named());
    });
    expect(attr(named()!.span.attributes, "http.target")).toBe("/api/v1/contacts");
    expect(collector.received.some((r) => r.body.includes("private-person"))).toBe(false);
  });
});
