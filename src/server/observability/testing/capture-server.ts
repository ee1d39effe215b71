import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

export type Captured = { method: string; path: string; contentType: string; body: string };

/**
 * A local stand-in for a Sentry ingest or OTLP/HTTP collector: records every request
 * (gzip undone) and answers 200, so tests see exactly what would have left the process.
 */
export async function startCaptureServer(): Promise<{
  url: string;
  port: number;
  received: Captured[];
  close(): Promise<void>;
}> {
  const received: Captured[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let raw = Buffer.concat(chunks);
      if (req.headers["content-encoding"] === "gzip") raw = gunzipSync(raw);
      received.push({
        method: req.method ?? "",
        path: req.url ?? "",
        contentType: String(req.headers["content-type"] ?? ""),
        body: raw.toString("utf8"),
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A Sentry envelope: one JSON header line, then (item header, item payload) line pairs. */
export function envelopeItems(body: string): Array<{ type: string; payload: Record<string, unknown> }> {
  const lines = body.split("\n").filter(Boolean);
  const items: Array<{ type: string; payload: Record<string, unknown> }> = [];
  for (let i = 1; i + 1 < lines.length; i += 2) {
    const header = JSON.parse(lines[i]!) as { type: string };
    items.push({ type: header.type, payload: JSON.parse(lines[i + 1]!) as Record<string, unknown> });
  }
  return items;
}
