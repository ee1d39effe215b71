// Runs once when a Next.js server process starts. Node-only work is imported lazily so
// the edge bundle never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request: rate limits and audit need the real peer address (see the module).
  const { installPeerAddressHeader } = await import("./server/security/peer-address");
  installPeerAddressHeader();
  // Sentry / OpenTelemetry, only when their env vars are set (their SDKs are not even loaded
  // otherwise). First, so the tracer provider exists before Next.js emits request spans.
  const [{ env }, { rootLog }, { startObservability }] = await Promise.all([
    import("./lib/env"),
    import("./server/log"),
    import("./server/observability/start-observability"),
  ]);
  const obs = await startObservability(env(), "web", rootLog());
  // Best effort within the platform's own shutdown: send buffered spans and events.
  if (obs.sentry || obs.tracing) process.once("SIGTERM", () => void obs.shutdown());
  const { bootServer } = await import("./server/boot/boot-server");
  try {
    await bootServer();
  } catch (err) {
    // A server that cannot boot (embedded database unreadable or locked by another process,
    // a failed migration) must not linger half-started: say why, exit non-zero, and let the
    // supervisor restart it. (A PostgreSQL that is merely down does not fail the boot: the
    // pool connects lazily and requests answer 503 until it is back.)
    rootLog().fatal({ err }, "server failed to start");
    process.exit(1);
  }
}
