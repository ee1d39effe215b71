import { AppError } from "../errors";

/** Room for multipart framing and text fields on top of an upload's file limit. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** Upload routes (avatars, contact imports): a 5 MB file plus its multipart framing. */
export const UPLOAD_MAX_BODY_BYTES = 5 * 1024 * 1024 + MULTIPART_OVERHEAD_BYTES;

/** Better Auth's router takes small JSON forms only (sign-in, sign-up, reset…). */
export const AUTH_MAX_BODY_BYTES = 64 * 1024;

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Reads a request's body with a hard byte limit before anything else looks at it (session
 * lookup included), so an oversized body costs at most `maxBytes` of reading and answers
 * 413 payload_too_large whoever sends it. A declared Content-Length over the limit is
 * refused unread; a lying or missing one is caught while streaming (reading stops at the
 * first byte past the limit). Returns a request carrying the buffered bytes, which the
 * handler (our parsers or the auth library) reads as usual.
 */
export async function limitBody(req: Request, maxBytes: number): Promise<Request> {
  if (BODYLESS.has(req.method) || !req.body) return req;
  const tooLarge = () => new AppError("payload_too_large", undefined, { maxBytes });
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let r: ReadableStreamReadResult<Uint8Array>;
    try {
      r = await reader.read();
    } catch {
      throw new AppError("invalid_body", "request body could not be read", { reason: "aborted" });
    }
    if (r.done) break;
    total += r.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(r.value);
  }
  return new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body: Buffer.concat(chunks),
    signal: req.signal,
  });
}
