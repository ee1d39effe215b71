import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny in-process stand-in for an S3-compatible service (an external system, so faking it
 * is fair): path-style PUT/GET/DELETE on one bucket, refusing any request without a SigV4
 * Authorization header for the expected access key.
 */
export async function startFakeS3(opts: { bucket: string; accessKeyId: string }) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const log: { method: string; path: string; authorized: boolean }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const auth = req.headers.authorization ?? "";
      const authorized =
        auth.startsWith(`AWS4-HMAC-SHA256 Credential=${opts.accessKeyId}/`) &&
        /SignedHeaders=[^,]*host/.test(auth) &&
        /Signature=[0-9a-f]{64}$/.test(auth) &&
        typeof req.headers["x-amz-date"] === "string";
      log.push({ method: req.method ?? "", path, authorized });
      if (!authorized) return void res.writeHead(403).end("<Error><Code>AccessDenied</Code></Error>");
      const prefix = `/${opts.bucket}/`;
      if (!path.startsWith(prefix))
        return void res.writeHead(404).end("<Error><Code>NoSuchBucket</Code></Error>");
      const key = path.slice(prefix.length);
      if (req.method === "PUT") {
        objects.set(key, { body: Buffer.concat(chunks), contentType: req.headers["content-type"] ?? "" });
        return void res.writeHead(200).end();
      }
      if (req.method === "DELETE") {
        objects.delete(key);
        return void res.writeHead(204).end();
      }
      const o = objects.get(key);
      if (!o) return void res.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
      res.writeHead(200, { "content-type": o.contentType }).end(o.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    log,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
