export type TracingConfig = {
  /** OTLP/HTTP base URL (OTEL_EXPORTER_OTLP_ENDPOINT); spans go to `<endpoint>/v1/traces` as JSON. */
  endpoint: string;
  serviceName: string;
  processName: "web" | "worker";
  /** How long finished spans wait to be batched; the SDK default is 5 s. */
  scheduledDelayMillis?: number;
};

export type TracingHandle = { flush(): Promise<void>; shutdown(): Promise<void> };

/**
 * Registers a global OpenTelemetry tracer provider exporting over OTLP/HTTP. The SDK is
 * imported dynamically, so a process without OTEL_EXPORTER_OTLP_ENDPOINT never loads it;
 * spans created through `@opentelemetry/api` are no-ops until this runs. In the web process
 * Next.js emits its own request spans once a provider is registered.
 */
export async function initTracing(cfg: TracingConfig): Promise<TracingHandle> {
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] =
    await Promise.all([
      import("@opentelemetry/sdk-trace-node"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
    ]);
  // Headers (OTEL_EXPORTER_OTLP_HEADERS) and timeouts still come from the standard env vars.
  const exporter = new OTLPTraceExporter({ url: `${cfg.endpoint.replace(/\/+$/, "")}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": cfg.serviceName, "omnicrm.process": cfg.processName }),
    spanProcessors: [
      new BatchSpanProcessor(exporter, { scheduledDelayMillis: cfg.scheduledDelayMillis ?? 5000 }),
    ],
  });
  provider.register();
  return { flush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
}
