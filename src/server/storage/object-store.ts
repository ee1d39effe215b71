import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { env } from "@/lib/env";
import { AppError } from "../errors";

/** Where uploaded files live: a directory under DATA_DIR, or an S3-compatible bucket. */
export type ObjectStore = {
  kind: "disk" | "s3";
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when it does not exist. */
  get(key: string): Promise<Buffer | null>;
  /** Idempotent: removing a missing object is not an error. */
  remove(key: string): Promise<void>;
};

/** Keys are server-made (`avatars/<user>/<file>`); anything else is refused, never resolved. */
const KEY = /^[a-z0-9][a-z0-9/_.-]*$/i;
function checkKey(key: string): string {
  if (!KEY.test(key) || key.split("/").some((p) => p === "" || p === "." || p === ".."))
    throw new AppError("not_found");
  return key;
}

export function diskStore(root: string): ObjectStore {
  const abs = path.resolve(root);
  const file = (key: string) => {
    const full = path.resolve(abs, checkKey(key));
    if (!full.startsWith(abs + path.sep)) throw new AppError("not_found");
    return full;
  };
  return {
    kind: "disk",
    async put(key, bytes) {
      const full = file(key);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, bytes, { mode: 0o600 });
    },
    get: (key) =>
      readFile(file(key)).catch((e: NodeJS.ErrnoException) => {
        if (e.code === "ENOENT") return null;
        throw e;
      }),
    remove: (key) => rm(file(key), { force: true }),
  };
}

export type S3Config = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/** Path-style S3 (AWS, MinIO, R2, Garage…), signed with SigV4 by aws4fetch. */
export function s3Store(cfg: S3Config, fetchImpl: typeof fetch = fetch): ObjectStore {
  const client = new AwsClient({
    accessKeyId: cfg.accessKeyId,
    secretAccessKey: cfg.secretAccessKey,
    region: cfg.region,
    service: "s3",
    retries: 2,
  });
  const base = `${cfg.endpoint.replace(/(?<!\/)\/+$/, "")}/${encodeURIComponent(cfg.bucket)}/`;
  const url = (key: string) => base + checkKey(key).split("/").map(encodeURIComponent).join("/");
  const call = async (method: string, key: string, init: RequestInit = {}) => {
    const req = await client.sign(url(key), { method, ...init });
    const res = await fetchImpl(req);
    if (res.ok || (res.status === 404 && method !== "PUT")) return res;
    const text = await res.text().catch(() => "");
    throw new Error(`object storage ${method} failed: HTTP ${res.status} ${text.slice(0, 200)}`);
  };
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      await call("PUT", key, { body: new Uint8Array(bytes), headers: { "content-type": contentType } });
    },
    async get(key) {
      const res = await call("GET", key);
      return res.status === 404 ? null : Buffer.from(await res.arrayBuffer());
    },
    async remove(key) {
      await call("DELETE", key);
    },
  };
}

/** S3 config from env, or null when S3_BUCKET is not set (then files go to DATA_DIR/uploads). */
export function s3ConfigFromEnv(e = env()): S3Config | null {
  if (!e.S3_BUCKET) return null;
  if (!e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY)
    throw new Error("S3_BUCKET is set but S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY are missing");
  return {
    endpoint: e.S3_ENDPOINT ?? `https://s3.${e.S3_REGION}.amazonaws.com`,
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
  };
}

let cached: { sig: string; store: ObjectStore } | undefined;

/** The configured store (memoised per configuration, so tests can switch env). */
export function objectStore(): ObjectStore {
  const cfg = s3ConfigFromEnv();
  const root = path.resolve(env().DATA_DIR, "uploads");
  const sig = cfg ? JSON.stringify(cfg) : root;
  if (cached?.sig !== sig) cached = { sig, store: cfg ? s3Store(cfg) : diskStore(root) };
  return cached.store;
}
