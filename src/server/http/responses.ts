import { ZodError } from "zod";
import { isDbUnavailable } from "../db/db-unavailable";
import { AppError, zodDetails, type ErrorCode } from "../errors";
import { currentLog, currentRequestId } from "../log-context";
import { reportError } from "../observability/report-error";

export type OkBody<T> = { ok: true; data: T };
export type ErrBody = { ok: false; error: ErrorCode; details?: unknown };

function json(body: unknown, status: number, headers?: Record<string, string>): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/json; charset=utf-8");
  h.set("cache-control", "no-store");
  const rid = currentRequestId();
  if (rid) h.set("x-request-id", rid);
  return new Response(JSON.stringify(body), { status, headers: h });
}

export function ok<T>(data: T, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return json({ ok: true, data } satisfies OkBody<T>, init.status ?? 200, init.headers);
}

/** The only place an error becomes HTTP. 4xx log at warn, 5xx at error. */
export function err(
  status: number,
  code: ErrorCode,
  details?: unknown,
  headers?: Record<string, string>,
): Response {
  const log = currentLog();
  if (status >= 500) log.error({ status, code, details }, "request failed");
  else log.warn({ status, code, details }, "request rejected");
  const body: ErrBody =
    details === undefined ? { ok: false, error: code } : { ok: false, error: code, details };
  return json(body, status, headers);
}

/** What a 503 during a database outage asks clients to wait before trying again. */
export const DB_RETRY_AFTER_SEC = 5;

/** Maps any thrown value to the envelope; unknown errors never leak their message or stack. */
export function errFromUnknown(e: unknown): Response {
  if (e instanceof AppError) return err(e.status, e.code, e.details, e.headers);
  if (e instanceof ZodError) return err(400, "invalid_body", zodDetails(e));
  // The database is restarting or unreachable: a temporary condition, not a bug. Clients
  // and proxies retry; the pool reconnects on its own once it is back.
  if (isDbUnavailable(e)) {
    currentLog().warn({ err: e }, "database unavailable");
    return err(503, "service_unavailable", undefined, { "retry-after": String(DB_RETRY_AFTER_SEC) });
  }
  currentLog().error({ err: e }, "unhandled error");
  // Only what becomes a 500 goes to the error tracker (when one is configured).
  reportError(e, { requestId: currentRequestId() });
  return err(500, "internal_error");
}
