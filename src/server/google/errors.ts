// Every Google failure is mapped here, once, to the few kinds the pipeline acts on:
// back off (temporary, rate_limited), ask the user to reconnect (invalid_grant,
// insufficient_permissions), fall back to a full sync (cursor_invalid), or skip (not_found).
export type GoogleErrorKind =
  | "temporary"
  | "rate_limited"
  | "insufficient_permissions"
  | "cursor_invalid"
  | "invalid_grant"
  | "not_found"
  | "bad_request";

export class GoogleError extends Error {
  constructor(
    readonly kind: GoogleErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "GoogleError";
  }

  get retryable(): boolean {
    return this.kind === "temporary" || this.kind === "rate_limited";
  }
}

const RATE_REASONS = new Set([
  "rateLimitExceeded",
  "userRateLimitExceeded",
  "quotaExceeded",
  "dailyLimitExceeded",
]);

type Loose = {
  status?: number;
  code?: string | number;
  message?: string;
  response?: { status?: number; headers?: unknown; data?: unknown };
  cause?: unknown;
};

/** `cursorOp` marks calls where 404/410 mean "your sync cursor expired". */
export function toGoogleError(e: unknown, cursorOp = false): GoogleError {
  if (e instanceof GoogleError) return e;
  const err = (e ?? {}) as Loose;
  const status = err.response?.status ?? (typeof err.status === "number" ? err.status : undefined);
  const data = err.response?.data as
    { error?: string | { message?: string; errors?: { reason?: string }[]; status?: string } } | undefined;
  const oauthError = typeof data?.error === "string" ? data.error : undefined;
  const apiError = typeof data?.error === "object" ? data.error : undefined;
  const reasons = (apiError?.errors ?? []).map((r) => r.reason ?? "");
  const msg = apiError?.message ?? oauthError ?? err.message ?? "Google request failed";
  const retryAfterMs = parseRetryAfter(headerOf(err.response?.headers, "retry-after"));

  if (oauthError === "invalid_grant" || /invalid_grant/.test(err.message ?? "")) {
    return new GoogleError("invalid_grant", "Google access was revoked or expired", status);
  }
  if (status === undefined) {
    const code = String(err.code ?? (err.cause as Loose | undefined)?.code ?? "");
    return new GoogleError("temporary", `network error ${code || msg}`.trim());
  }
  if (status === 429 || (status === 403 && reasons.some((r) => RATE_REASONS.has(r)))) {
    return new GoogleError("rate_limited", msg, status, retryAfterMs);
  }
  if (status === 401) return new GoogleError("invalid_grant", "Google rejected the credentials", status);
  if (status === 403) return new GoogleError("insufficient_permissions", msg, status);
  if (status === 410 || (status === 404 && cursorOp)) return new GoogleError("cursor_invalid", msg, status);
  if (status === 404) return new GoogleError("not_found", msg, status);
  if (status >= 500 || status === 408) return new GoogleError("temporary", msg, status, retryAfterMs);
  return new GoogleError("bad_request", msg, status);
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const rec = headers as Record<string, string | undefined>;
  return rec[name] ?? rec[name.toLowerCase()];
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** A sentence a user can act on, for the sync page. */
export function describeGoogleError(e: GoogleError): string {
  switch (e.kind) {
    case "invalid_grant":
      return "Google access was revoked or expired. Reconnect your Google account.";
    case "insufficient_permissions":
      return "OmniCRM is missing a Google permission. Reconnect and allow read access.";
    case "rate_limited":
      return "Google asked us to slow down; the import continues automatically.";
    case "temporary":
      return "Google is temporarily unavailable; we will retry automatically.";
    case "cursor_invalid":
      return "The sync position expired; a full re-sync was started.";
    default:
      return `Google request failed: ${e.message}`;
  }
}
