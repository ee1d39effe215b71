import type { z } from "zod";
import type { RouteArgs } from "./handler";
import { AppError, zodDetails } from "../errors";
import { assertSafeJson } from "./safe-json";

/**
 * Reads a JSON body, enforcing the size limit on the bytes actually read (a lying or
 * missing Content-Length cannot get a larger body through), then validates it.
 */
export async function parseJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes: number,
): Promise<z.infer<S>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", undefined, { maxBytes });
  const text = await readLimited(req, maxBytes);
  let value: unknown;
  try {
    value = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new AppError("invalid_body", "malformed JSON", { reason: "malformed_json" });
  }
  assertSafeJson(value, "body");
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("invalid_body", "invalid body", zodDetails(parsed.error));
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const url = new URL(req.url);
  const obj: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    obj[key] = all.length > 1 ? all : all[0]!;
  }
  assertSafeJson(obj, "query");
  const parsed = schema.safeParse(obj);
  if (!parsed.success) throw new AppError("invalid_query", "invalid query", zodDetails(parsed.error));
  return parsed.data;
}

/**
 * Validates the path's `{placeholders}`. A malformed path id is answered like another
 * user's id (404, never a hint), not as a bad request.
 */
export async function parsePathParams<S extends z.ZodType>(args: RouteArgs, schema: S): Promise<z.infer<S>> {
  const raw = await args.params;
  const obj: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {})) obj[k] = Array.isArray(v) ? v.join("/") : v;
  const parsed = schema.safeParse(obj);
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data;
}

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", undefined, { maxBytes });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
