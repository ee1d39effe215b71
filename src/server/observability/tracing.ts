import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-node";

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
  const exporter = new OTLPTraceExporter({ url: `${cfg.endpoint.replace(/(?<!\/)\/+$/, "")}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": cfg.serviceName, "omnicrm.process": cfg.processName }),
    spanProcessors: [
      new BatchSpanProcessor(withoutQueryStrings(exporter), {
        scheduledDelayMillis: cfg.scheduledDelayMillis ?? 5000,
      }),
    ],
  });
  provider.register();
  return { flush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
}

// Attributes that may carry a full URL or path: Next.js puts the raw request target (query
// string included, e.g. a contact search) in `http.target`.
const URL_ATTRIBUTES = ["http.target", "http.url", "url.full", "url.query"];

/** Drops query strings from URL-like span attributes before anything leaves the process. */
export function withoutQueryStrings(inner: SpanExporter): SpanExporter {
  const scrub = (span: ReadableSpan): ReadableSpan => {
    const hit = URL_ATTRIBUTES.filter((k) => typeof span.attributes[k] === "string");
    if (!hit.some((k) => (span.attributes[k] as string).includes("?") || k === "url.query")) return span;
    const attributes = { ...span.attributes };
    for (const k of hit) {
      if (k === "url.query") delete attributes[k];
      else attributes[k] = (attributes[k] as string).split("?")[0]!;
    }
    // The span's methods (spanContext()) stay reachable through the prototype.
    return Object.create(span, { attributes: { value: attributes } }) as ReadableSpan;
  };
  return {
    export: (spans, done) => inner.export(spans.map(scrub), done),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}
