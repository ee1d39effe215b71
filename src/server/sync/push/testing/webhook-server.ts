import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { RouteFn } from "../../../http/handler";

/**
 * A plain HTTP server in front of route handlers, so the Google emulator can deliver push
 * notifications to the app's real webhook routes inside an integration test (no Next build).
 */
export async function startRouteServer(
  routes: Record<string, RouteFn>,
): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(req).then(
      async (r) => {
        res.writeHead(r.status, Object.fromEntries(r.headers));
        res.end(Buffer.from(await r.arrayBuffer()));
      },
      (e: unknown) => {
        res.writeHead(500);
        res.end(String(e));
      },
    );
  });
  async function handle(req: IncomingMessage): Promise<Response> {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const route = routes[url.pathname];
    if (!route) return new Response("no route", { status: 404 });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    return route(new Request(url, { method: req.method, headers, body }), { params: Promise.resolve({}) });
  }
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
