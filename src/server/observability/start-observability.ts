import type { Env } from "@/lib/env";
import type { Logger } from "../log";

export type ObservabilityEnv = Pick<
  Env,
  "NODE_ENV" | "SENTRY_DSN" | "SENTRY_ENVIRONMENT" | "OTEL_EXPORTER_OTLP_ENDPOINT" | "OTEL_SERVICE_NAME"
>;

export type Observability = {
  sentry: boolean;
  tracing: boolean;
  /** Sends what is buffered and stops; call once, on shutdown. */
  shutdown(): Promise<void>;
};

/**
 * Turns on error tracking (SENTRY_DSN) and tracing (OTEL_EXPORTER_OTLP_ENDPOINT) for this
 * process. Both are off by default and their SDKs are only imported when configured; a
 * tracker that fails to start is logged and skipped rather than stopping the app.
 */
export async function startObservability(
  e: ObservabilityEnv,
  processName: "web" | "worker",
  log: Logger,
): Promise<Observability> {
  const stops: Array<() => Promise<unknown>> = [];
  let sentry = false;
  let tracing = false;
  if (e.SENTRY_DSN) {
    try {
      const { initSentry } = await import("./sentry");
      const h = await initSentry({
        dsn: e.SENTRY_DSN,
        environment: e.SENTRY_ENVIRONMENT ?? e.NODE_ENV,
        processName,
      });
      stops.push(() => h.close());
      sentry = true;
    } catch (err) {
      log.error({ err }, "Sentry could not start; error tracking is off");
    }
  }
  if (e.OTEL_EXPORTER_OTLP_ENDPOINT) {
    try {
      const { initTracing } = await import("./tracing");
      const h = await initTracing({
        endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
        serviceName: e.OTEL_SERVICE_NAME ?? `omnicrm-${processName}`,
        processName,
      });
      stops.push(() => h.shutdown());
      tracing = true;
    } catch (err) {
      log.error({ err }, "OpenTelemetry could not start; tracing is off");
    }
  }
  if (sentry || tracing) log.info({ sentry, tracing }, "observability exporters on");
  return {
    sentry,
    tracing,
    shutdown: async () => {
      await Promise.allSettled(stops.splice(0).map((stop) => stop()));
    },
  };
}
