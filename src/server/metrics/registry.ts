import type { DbHandle } from "../db/client";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus metrics. Other domains import the typed metric objects below
 * and call `.inc()` / `.observe()`; `/api/v1/metrics` renders `metricsRegistry`.
 * Kept on globalThis: Next.js may load this module more than once per process, and
 * prom-client refuses to register a metric name twice.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "omnicrm_" });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "omnicrm_http_request_duration_seconds",
      help: "API request duration by route template, method and status",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    jobDuration: new Histogram({
      name: "omnicrm_job_duration_seconds",
      help: "Background job run time by kind and outcome (done, retry, dead)",
      labelNames: ["kind", "outcome"] as const,
      buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
      registers,
    }),
    jobFailures: new Counter({
      name: "omnicrm_job_failures_total",
      help: "Job attempts that threw, by kind",
      labelNames: ["kind"] as const,
      registers,
    }),
    jobRetries: new Counter({
      name: "omnicrm_job_retries_total",
      help: "Job attempts scheduled for retry, by kind",
      labelNames: ["kind"] as const,
      registers,
    }),
    queueDepth: new Gauge({
      name: "omnicrm_queue_depth",
      help: "Jobs by state (waiting, active, failed) as the jobs table records them",
      labelNames: ["state"] as const,
      registers,
      // Read at scrape time, so it is right in every process regardless of who enqueued.
      // Only from a database this process already opened: a scrape never opens one.
      async collect() {
        const opened = (globalThis as unknown as { __omnicrmDb?: Promise<DbHandle> }).__omnicrmDb;
        if (!opened) return;
        const { getQueueHealth } = await import("../jobs/queue-health");
        try {
          const q = await getQueueHealth((await opened).db);
          this.set({ state: "waiting" }, q.waiting);
          this.set({ state: "active" }, q.active);
          this.set({ state: "failed" }, q.failed);
        } catch {
          // Database down: leave the last values; /api/v1/ready reports the outage.
        }
      },
    }),
    googleApiCalls: new Counter({
      name: "omnicrm_google_api_calls_total",
      help: "Google API calls by service (gmail, calendar, oauth) and outcome (ok, error, throttled)",
      labelNames: ["service", "outcome"] as const,
      registers,
    }),
    googleApiThrottles: new Counter({
      name: "omnicrm_google_api_throttles_total",
      help: "Google API 429/403 rate-limit answers by service, and waits on our own per-user quota budget (service=quota_budget)",
      labelNames: ["service"] as const,
      registers,
    }),
    aiTokens: new Counter({
      name: "omnicrm_ai_tokens_total",
      help: "AI tokens by model, kind of call (chat, insight, embed, …) and direction (input, output)",
      labelNames: ["model", "kind", "direction"] as const,
      registers,
    }),
    aiCostUsd: new Counter({
      name: "omnicrm_ai_cost_usd_total",
      help: "Estimated AI spend in USD by model and kind of call",
      labelNames: ["model", "kind"] as const,
      registers,
    }),
    rateLimitRejections: new Counter({
      name: "omnicrm_rate_limit_rejections_total",
      help: "Requests rejected by a rate limiter, by group (api, auth, ai) and route template",
      labelNames: ["group", "route"] as const,
      registers,
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const g = globalThis as unknown as { __omnicrmMetrics?: Metrics };
const m = (g.__omnicrmMetrics ??= createMetrics());

export const metricsRegistry = m.registry;
export const httpRequestDuration = m.httpRequestDuration;
export const jobDuration = m.jobDuration;
export const jobFailures = m.jobFailures;
export const jobRetries = m.jobRetries;
export const queueDepth = m.queueDepth;
export const googleApiCalls = m.googleApiCalls;
export const googleApiThrottles = m.googleApiThrottles;
export const aiTokens = m.aiTokens;
export const aiCostUsd = m.aiCostUsd;
export const rateLimitRejections = m.rateLimitRejections;
