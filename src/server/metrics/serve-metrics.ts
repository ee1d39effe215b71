import { createServer, type Server } from "node:http";
import type { Logger } from "../log";
import { AppError } from "../errors";
import { authorizeMetrics } from "./authorize-metrics";
import { metricsRegistry } from "./registry";

/**
 * A tiny `/metrics` listener for processes that serve no HTTP (BullMQ workers), so job
 * duration, failure and retry counters recorded there can be scraped. Same access rule
 * as `/api/v1/metrics`. Off unless the process calls it (WORKER_METRICS_PORT).
 */
export function serveMetrics(opts: {
  port: number;
  host?: string;
  env: { METRICS_TOKEN?: string; NODE_ENV: string };
  log: Logger;
}): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
        res.writeHead(404).end();
        return;
      }
      try {
        authorizeMetrics(req.headers.authorization ?? null, opts.env);
        const body = await metricsRegistry.metrics();
        res
          .writeHead(200, { "content-type": metricsRegistry.contentType, "cache-control": "no-store" })
          .end(body);
      } catch (e) {
        const status = e instanceof AppError ? e.status : 500;
        if (status === 500) opts.log.error({ err: e }, "metrics scrape failed");
        res.writeHead(status).end();
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => {
      const port = (server.address() as { port: number }).port;
      opts.log.info({ port }, "metrics listening");
      resolve({ port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
