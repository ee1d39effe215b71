import { defineContract } from "../contract";

export const metricsContract = defineContract({
  method: "GET",
  path: "/api/v1/metrics",
  summary:
    "Prometheus metrics (text exposition format). Bearer METRICS_TOKEN when set; without it, open outside production and 404 in production",
  tags: ["ops"],
  auth: "token",
  rateLimit: "none",
  responseType: "text/plain; version=0.0.4",
  errors: ["unauthorized", "not_found"],
});
