import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineContract } from "../http/contract";
import { publicRoute } from "../http/route";
import { useTestDb } from "../testing/test-db";
import { aiTokens, googleApiCalls, jobDuration, metricsRegistry, rateLimitRejections } from "./registry";

beforeAll(async () => {
  const h = await useTestDb();
  // The queue-depth gauge reads the process database at scrape time; point it at the test DB.
  (globalThis as unknown as { __omnicrmDb?: Promise<unknown> }).__omnicrmDb = Promise.resolve(h);
});

const probe = defineContract({
  method: "GET",
  path: "/api/v1/test-metrics/{id}",
  summary: "test",
  tags: ["test"],
  auth: "public",
  rateLimit: "none",
  response: z.object({ id: z.string() }),
});
const GET = publicRoute(probe, async ({ params }) => ({ id: params.id! }));

describe("metrics", () => {
  it("records request duration by route template, never by raw URL", async () => {
    for (const id of ["a1", "b2", "c3"]) {
      const res = await GET(new Request(`http://x/api/v1/test-metrics/${id}`), {
        params: Promise.resolve({ id }),
      });
      expect(res.status).toBe(200);
    }
    const text = await metricsRegistry.metrics();
    expect(text).toMatch(
      /omnicrm_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/test-metrics\/\{id\}",status="200"\} 3/,
    );
    expect(text).not.toContain("test-metrics/a1");
  });

  it("exposes every documented metric family after traffic", async () => {
    jobDuration.observe({ kind: "google.sync", outcome: "done" }, 0.2);
    googleApiCalls.inc({ service: "gmail", outcome: "ok" });
    aiTokens.inc({ model: "m", direction: "input" }, 10);
    rateLimitRejections.inc({ group: "api" });
    const text = await metricsRegistry.metrics();
    for (const name of [
      "omnicrm_http_request_duration_seconds",
      "omnicrm_job_duration_seconds",
      "omnicrm_job_failures_total",
      "omnicrm_job_retries_total",
      "omnicrm_queue_depth",
      "omnicrm_google_api_calls_total",
      "omnicrm_google_api_throttles_total",
      "omnicrm_ai_tokens_total",
      "omnicrm_ai_cost_usd_total",
      "omnicrm_rate_limit_rejections_total",
      "omnicrm_process_cpu_seconds_total",
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    expect(text).toMatch(/omnicrm_queue_depth\{state="waiting"\} \d+/);
  });
});
