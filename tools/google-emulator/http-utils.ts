// node:http helpers: bodies, JSON/HTML responses, and turning thrown errors
// into Google-shaped responses.
import type { IncomingMessage, ServerResponse } from "node:http";
import { GoogleApiError, OAuthError } from "./errors";

const MAX_BODY = 25 * 1024 * 1024; // Gmail's own upload ceiling is in this range

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new OAuthError(413, "invalid_request", "Request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Form-encoded or JSON bodies, as Google's OAuth endpoints accept both. */
export async function readParams(req: IncomingMessage): Promise<URLSearchParams> {
  const body = (await readBody(req)).toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("application/json") && body.trim()) {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return new URLSearchParams(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  }
  return new URLSearchParams(body);
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = (await readBody(req)).toString("utf8");
  return body.trim() ? (JSON.parse(body) as unknown) : {};
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const data = Buffer.from(JSON.stringify(body, null, 2));
  res.writeHead(status, {
    "Content-Type": "application/json; charset=UTF-8",
    "Content-Length": String(data.length),
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(data);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store" });
  res.end();
}

export function sendError(res: ServerResponse, err: unknown): void {
  if (res.headersSent) return void res.end();
  if (err instanceof GoogleApiError) return sendJson(res, err.code, err.body(), err.headers);
  if (err instanceof OAuthError) return sendJson(res, err.httpStatus, err.body());
  if (err instanceof SyntaxError)
    return sendJson(res, 400, {
      error: {
        code: 400,
        message: `Invalid JSON payload received. ${err.message}`,
        status: "INVALID_ARGUMENT",
      },
    });
  const message = err instanceof Error ? err.message : String(err);
  sendJson(res, 500, {
    error: {
      code: 500,
      message: `Emulator error: ${message}`,
      errors: [{ message, domain: "global", reason: "backendError" }],
      status: "INTERNAL",
    },
  });
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** Opaque page tokens: base64url JSON, so clients can't depend on their shape. */
export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeToken<T>(token: string | null): T | null {
  if (!token) return null;
  try {
    return JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}

export function intParam(q: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = q.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new GoogleApiError(
      400,
      `Invalid value '${raw}'. Values must be within the range: [0, ${max}]`,
      [{ message: `Invalid value for ${name}`, domain: "global", reason: "invalid" }],
      "INVALID_ARGUMENT",
    );
  return Math.min(n === 0 ? fallback : n, max);
}
