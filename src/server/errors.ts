import type { ZodError } from "zod";

/**
 * The closed set of error codes the API can answer with, and the one table that maps
 * them to HTTP status. Everything else is an unknown error and becomes 500 internal_error.
 */
export const errorStatus = {
  invalid_body: 400,
  invalid_query: 400,
  invalid_scope: 400,
  missing_code_or_state: 400,
  invalid_state: 400,
  missing_batchId: 400,
  unauthorized: 401,
  payment_required: 402,
  rate_limited_daily_cost: 402,
  forbidden: 403,
  missing_csrf: 403,
  invalid_csrf: 403,
  origin_not_allowed: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  rate_limited_minute: 429,
  rate_limited_monthly: 429,
  internal_error: 500,
  db_error: 500,
  upstream_error: 502,
  ai_not_configured: 503,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A zod error as `{ fields: { "a.b": [messages] } }`, the `details` of invalid_body/invalid_query. */
export function zodDetails(e: ZodError): { fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  for (const issue of e.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return { fields };
}
