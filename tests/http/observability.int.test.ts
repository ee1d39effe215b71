import { afterAll, describe, expect, it } from "vitest";
import { startCaptureServer } from "../../src/server/observability/testing/capture-server";
import { useHttpServer } from "./harness";

type OtlpBody = {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ spans: Array<{ name: string; attributes: Array<{ key: string }> }> }>;
  }>;
};

// The real built app with both exporters pointed at one local sink: Sentry and the OTLP
// exporter load inside Next.js (external packages resolve), and Next.js's own request spans
// reach the collector through the tracer provider registered in instrumentation.ts.
describe("Sentry and OpenTelemetry in the built app (HTTP)", () => {
  let sink: Awaited<ReturnType<typeof startCaptureServer>> | undefined;
  const h = useHttpServer(async () => {
    sink = await startCaptureServer();
    return { SENTRY_DSN: `http://publickey@127.0.0.1:${sink.port}/1`, OTEL_EXPORTER_OTLP_ENDPOINT: sink.url };
  });
  afterAll(async () => {
    await sink?.close();
  });

  it("starts both exporters and sends Next.js request spans for the web service, without query strings", async () => {
    await h
      .server()
      .waitForLog((l) => l.msg === "observability exporters on" && l.sentry === true && l.tracing === true);
    expect((await h.client().get("/api/v1/health?probe=private-person%40example.com")).status).toBe(200);
    const traces = () =>
      sink!.received.filter((r) => r.path === "/v1/traces").map((r) => JSON.parse(r.body) as OtlpBody);
    // Next.js records the raw request target on its request span; route-loading spans that
    // also name the route can arrive in an earlier batch (seen on a loaded machine), so wait
    // for the batch that carries the request span itself.
    const requestSpan = (b: OtlpBody) => {
      const json = JSON.stringify(b);
      return json.includes('"http.target"') && json.includes("/api/v1/health");
    };
    const deadline = Date.now() + 30_000;
    while (!traces().some(requestSpan) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const body = traces().find(requestSpan);
    expect(body, "the request span for /api/v1/health").toBeDefined();
    const service = body!.resourceSpans[0]!.resource.attributes.find((a) => a.key === "service.name");
    expect(service?.value.stringValue).toBe("omnicrm-web");
    // Its query string never leaves the process.
    expect(sink!.received.some((r) => r.body.includes("private-person"))).toBe(false);
    // A healthy request is not an error: nothing went to Sentry.
    expect(sink!.received.filter((r) => r.path.startsWith("/api/1/envelope/"))).toHaveLength(0);
  });
});
