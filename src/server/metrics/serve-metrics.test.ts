import { describe, expect, it } from "vitest";
import { createLogger } from "../log";
import { jobFailures } from "./registry";
import { serveMetrics } from "./serve-metrics";

describe("serveMetrics (worker /metrics)", () => {
  it("serves the registry behind the bearer token", async () => {
    jobFailures.inc({ kind: "noop" });
    const s = await serveMetrics({
      port: 0,
      host: "127.0.0.1",
      env: { METRICS_TOKEN: "tok-123", NODE_ENV: "production" },
      log: createLogger({ level: "silent" }),
    });
    try {
      const url = `http://127.0.0.1:${s.port}/metrics`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${s.port}/other`)).status).toBe(404);
      const r = await fetch(url, { headers: { authorization: "Bearer tok-123" } });
      expect(r.status).toBe(200);
      expect(await r.text()).toMatch(/omnicrm_job_failures_total\{kind="noop"\} \d+/);
    } finally {
      await s.close();
    }
  });
});
