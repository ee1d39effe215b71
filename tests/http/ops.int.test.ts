import { describe, expect, it } from "vitest";
import { useHttpServer } from "./harness";

const METRICS_TOKEN = "metrics-test-token-0123456789";

describe("operations endpoints (HTTP)", () => {
  const h = useHttpServer({ METRICS_TOKEN });

  it("reports readiness with each dependency's state and latency, also on the unversioned alias", async () => {
    for (const p of ["/api/v1/ready", "/api/ready"]) {
      const r = await h.client().get<{
        ok: boolean;
        data: { ready: boolean; checks: Record<string, { state: string; latencyMs: number }> };
      }>(p);
      expect(r.status).toBe(200);
      expect(r.json.data.ready).toBe(true);
      expect(r.json.data.checks.database!.state).toBe("ok");
      expect(r.json.data.checks.migrations!.state).toBe("ok");
      expect(r.json.data.checks.redis!.state).toBe(process.env.REDIS_URL ? "ok" : "skipped");
      expect(typeof r.json.data.checks.database!.latencyMs).toBe("number");
    }
  });

  it("serves the OpenAPI 3.1 document and a readable reference page", async () => {
    const c = h.client();
    const spec = await c.get<{ openapi: string; paths: Record<string, unknown> }>("/api/v1/openapi.json");
    expect(spec.status).toBe(200);
    expect(spec.json.openapi).toBe("3.1.0");
    expect(Object.keys(spec.json.paths)).toEqual(expect.arrayContaining(["/api/v1/ready", "/api/v1/health"]));
    const page = await c.get("/docs/api");
    expect(page.status).toBe(200);
    expect(page.text).toContain("/api/v1/ready");
    expect(page.text).not.toMatch(/<script[^>]+src="https?:\/\//);
  });

  it("protects metrics with the bearer token and labels requests by route template", async () => {
    const c = h.client();
    await c.get("/api/v1/health");
    expect((await c.get("/api/v1/metrics")).status).toBe(401);
    expect((await c.get("/api/metrics", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const m = await c.get("/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(m.status).toBe(200);
    expect(m.headers.get("content-type")).toContain("text/plain");
    expect(m.text).toMatch(
      /omnicrm_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health",status="200"\} \d+/,
    );
    expect(m.text).toMatch(/omnicrm_queue_depth\{state="waiting"\} \d+/);
  });
});
