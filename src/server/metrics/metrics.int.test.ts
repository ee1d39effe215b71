import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineContract } from "../http/contract";
import { publicRoute } from "../http/route";
import { randomUUID } from "node:crypto";
import { GET as authCatchAll } from "@/app/api/auth/[...all]/route";
import { callGoogle } from "../google/call-google";
import { GoogleError } from "../google/errors";
import { PEER_HEADER } from "../security/peer-address";
import { useTestDb } from "../testing/test-db";
import { observeAiUsage } from "./observe-ai-usage";
import { jobDuration, metricsRegistry } from "./registry";

beforeAll(async () => {
  const h = await useTestDb();
  // The queue-depth gauge reads the process database at scrape time; point it at the test DB.
  (globalThis as unknown as { __omnicrmDb?: Promise<unknown> }).__omnicrmDb = Promise.resolve(h);
});

const probe = defineContract({
  method: "GET",
  path: "/api/v1/test-metrics/{id}",
  params: z.object({ id: z.string() }),
  summary: "test",
  tags: ["test"],
  auth: "public",
  rateLimit: "none",
  response: z.object({ id: z.string() }),
});
const GET = publicRoute(probe, async ({ params }) => ({ id: params.id }));

const limited = defineContract({
  method: "GET",
  path: "/api/v1/test-metrics-limited",
  summary: "test",
  tags: ["test"],
  auth: "public",
  rateLimit: "ai",
  response: z.object({}),
});
const LIMITED = publicRoute(limited, async () => ({}));

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
    // Google calls through the retry wrapper: one answered, one throttled then answered.
    await callGoogle({ breakerKey: `${randomUUID()}:calendar` }, async () => "ok");
    let first = true;
    await callGoogle({ breakerKey: `${randomUUID()}:gmail`, baseDelayMs: 1 }, async () => {
      if (!first) return "ok";
      first = false;
      throw new GoogleError("rate_limited", "slow down", 429);
    });
    observeAiUsage({ model: "m", kind: "chat", inputTokens: 10, outputTokens: 4, costUsd: 0.001 });
    // The ai limiter allows 10 a minute per client: the 11th from one address is rejected.
    const peer = { [PEER_HEADER]: `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250)).join(".")}` };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await LIMITED(new Request("http://x/api/v1/test-metrics-limited", { headers: peer }), {
            params: Promise.resolve({}),
          })
        ).status,
      );
    expect(statuses.at(-1)).toBe(429);
    const text = await metricsRegistry.metrics();
    expect(text).toMatch(/omnicrm_google_api_calls_total\{service="calendar",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/omnicrm_google_api_calls_total\{service="gmail",outcome="throttled"\} [1-9]/);
    expect(text).toMatch(/omnicrm_google_api_throttles_total\{service="gmail"\} [1-9]/);
    expect(text).toMatch(/omnicrm_ai_tokens_total\{model="m",kind="chat",direction="output"\} 4/);
    expect(text).toMatch(/omnicrm_ai_cost_usd_total\{model="m",kind="chat"\} 0.001/);
    expect(text).toMatch(
      /omnicrm_rate_limit_rejections_total\{group="ai",route="\/api\/v1\/test-metrics-limited"\} [1-9]/,
    );
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

  it("labels the auth library's catch-all route, not as unmatched", async () => {
    const res = await authCatchAll(new Request("http://localhost:3000/api/auth/ok"), {
      params: Promise.resolve({ all: ["ok"] }),
    });
    expect(res.status).toBeLessThan(500);
    const text = await metricsRegistry.metrics();
    expect(text).toMatch(
      /omnicrm_http_request_duration_seconds_count\{method="GET",route="\/api\/auth\/\{path\}",status="\d+"\} [1-9]/,
    );
  });
});
