import type { ErrorEvent } from "@sentry/node";
import { setErrorReporter } from "./report-error";

export type SentryConfig = {
  dsn: string;
  environment?: string;
  release?: string;
  /** Tagged on every event, so web and worker errors can be told apart. */
  processName: "web" | "worker";
};

export type SentryHandle = {
  flush(timeoutMs?: number): Promise<boolean>;
  close(timeoutMs?: number): Promise<void>;
};

/**
 * Starts Sentry error reporting and installs it behind `reportError`. `@sentry/node` is
 * imported here, dynamically, so a process without SENTRY_DSN never loads it. Only what the
 * core reports explicitly is sent (500s and dead jobs): no default integrations, so no
 * automatic HTTP/console instrumentation, breadcrumbs or request capture, and no tracing.
 */
export async function initSentry(cfg: SentryConfig): Promise<SentryHandle> {
  const Sentry = await import("@sentry/node");
  Sentry.init({
    dsn: cfg.dsn,
    environment: cfg.environment,
    release: cfg.release,
    // Sentry 11's successor of `sendDefaultPii: false`: collect nothing about users or requests.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      genAI: { inputs: false, outputs: false },
      databaseQueryData: false,
      stackFrameVariables: false,
    },
    defaultIntegrations: false,
    integrations: [Sentry.linkedErrorsIntegration()],
    maxBreadcrumbs: 0,
    // Tracing is OpenTelemetry's job (OTEL_EXPORTER_OTLP_ENDPOINT); never a competing provider.
    enableOpenTelemetrySetup: false,
    beforeSend: scrubEvent,
  });
  setErrorReporter((error, tags) => {
    Sentry.withScope((scope) => {
      scope.setTag("process", cfg.processName);
      for (const [k, v] of Object.entries(tags)) if (v !== undefined) scope.setTag(k, v);
      Sentry.captureException(error);
    });
  });
  return {
    flush: (ms = 2000) => Sentry.flush(ms),
    close: async (ms = 2000) => {
      setErrorReporter(undefined);
      await Sentry.close(ms);
    },
  };
}

/** Last line of defence: whatever an SDK version adds, request data, users and breadcrumbs never leave. */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  delete event.request;
  delete event.user;
  delete event.breadcrumbs;
  delete event.extra;
  return event;
}
