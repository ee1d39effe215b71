// Google's two error dialects: the JSON API envelope
// {error:{code,message,errors:[{message,domain,reason}],status}} and OAuth's
// {error, error_description}. Handlers throw these; the server serialises them.

export type GoogleErrorItem = {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
};

export class GoogleApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly errors: GoogleErrorItem[],
    readonly status?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body() {
    return {
      error: {
        code: this.code,
        message: this.message,
        errors: this.errors,
        ...(this.status ? { status: this.status } : {}),
      },
    };
  }
}

export class OAuthError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }

  body() {
    return { error: this.error, error_description: this.description };
  }
}

const item = (message: string, reason: string, domain = "global"): GoogleErrorItem => ({
  message,
  domain,
  reason,
});

export const apiErrors = {
  unauthenticated: () =>
    new GoogleApiError(
      401,
      "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
      [{ ...item("Invalid Credentials", "authError"), location: "Authorization", locationType: "header" }],
      "UNAUTHENTICATED",
      { "WWW-Authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    ),
  insufficientScopes: () =>
    new GoogleApiError(
      403,
      "Request had insufficient authentication scopes.",
      [item("Insufficient Permission", "insufficientPermissions")],
      "PERMISSION_DENIED",
      {
        "WWW-Authenticate": 'Bearer realm="https://accounts.google.com/", error="insufficient_scope"',
      },
    ),
  forbidden: (message: string) =>
    new GoogleApiError(403, message, [item(message, "forbidden")], "PERMISSION_DENIED"),
  notFound: (message = "Requested entity was not found.") =>
    new GoogleApiError(404, message, [item(message, "notFound")], "NOT_FOUND"),
  badRequest: (message: string, reason = "invalidArgument") =>
    new GoogleApiError(400, message, [item(message, reason)], "INVALID_ARGUMENT"),
  rateLimited: (retryAfterSec: number, now: number) => {
    const message = `User-rate limit exceeded.  Retry after ${new Date(now + retryAfterSec * 1000).toISOString()}`;
    return new GoogleApiError(
      429,
      message,
      [item(message, "rateLimitExceeded", "usageLimits")],
      "RESOURCE_EXHAUSTED",
      { "Retry-After": String(retryAfterSec) },
    );
  },
  userRateLimit403: () =>
    new GoogleApiError(
      403,
      "User Rate Limit Exceeded",
      [item("User Rate Limit Exceeded", "userRateLimitExceeded", "usageLimits")],
      "PERMISSION_DENIED",
    ),
  backendError: () =>
    new GoogleApiError(500, "Backend Error", [item("Backend Error", "backendError")], "INTERNAL"),
  // Calendar's 410 predates the `status` field; the official clients match on reason.
  fullSyncRequired: () =>
    new GoogleApiError(410, "Sync token is no longer valid, a full sync is required.", [
      item("Sync token is no longer valid, a full sync is required.", "fullSyncRequired"),
    ]),
  calendarNotFound: () => new GoogleApiError(404, "Not Found", [item("Not Found", "notFound")]),
};
