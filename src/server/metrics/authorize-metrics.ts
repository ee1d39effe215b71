import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";

type MetricsAuthEnv = { METRICS_TOKEN?: string; NODE_ENV: string };

/**
 * Who may scrape /api/v1/metrics. With METRICS_TOKEN set: only `Authorization: Bearer
 * <token>`. Without it: open in development and test (a local Prometheus needs no setup),
 * but hidden (404) in production, so a forgotten token never publishes internals.
 */
export function authorizeMetrics(authorization: string | null, e: MetricsAuthEnv): void {
  if (!e.METRICS_TOKEN) {
    if (e.NODE_ENV === "production") throw new AppError("not_found");
    return;
  }
  const m = /^Bearer\s+(\S.*)$/i.exec(authorization ?? "");
  if (!m || !sameSecret(m[1]!.trim(), e.METRICS_TOKEN)) {
    throw new AppError("unauthorized", undefined, undefined, {
      "www-authenticate": 'Bearer realm="metrics"',
    });
  }
}

// Hashing first gives equal-length buffers, so the comparison time never depends on the guess.
function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}
