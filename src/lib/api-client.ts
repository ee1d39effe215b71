/**
 * The one way UI code calls our API. Every mutation sends the `csrf` cookie back as the
 * `x-csrf-token` header (signed double-submit), the `{ ok, data | error }` envelope is
 * unwrapped, and failures throw `ApiError` with the server's code and field messages:
 *
 *   const contact = await api.post<Contact>("/api/v1/contacts", { displayName });
 *   try { … } catch (e) { if (e instanceof ApiError && e.code === "conflict") … }
 *
 * A 403 missing_csrf (first request before any page set the cookie) is retried once: the
 * server issued fresh cookies with that answer.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details?: { fields?: Record<string, string[]> } & Record<string, unknown>,
  ) {
    super(code);
    this.name = "ApiError";
  }

  /** First message for a form field, for inline errors. */
  field(name: string): string | undefined {
    return this.details?.fields?.[name]?.[0];
  }
}

function csrfToken(): string {
  const m = /(?:^|;\s*)csrf=([^;]*)/.exec(typeof document === "undefined" ? "" : document.cookie);
  return m ? decodeURIComponent(m[1]!) : "";
}

async function call<T>(method: string, path: string, body?: unknown, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") headers["x-csrf-token"] = csrfToken();
  // FormData (uploads) sets its own multipart content-type with the boundary.
  const form = typeof FormData !== "undefined" && body instanceof FormData;
  if (body !== undefined && !form) headers["content-type"] = "application/json";
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
    credentials: "same-origin",
  });
  const env = (await res.json().catch(() => null)) as
    { ok: true; data: T } | { ok: false; error: string; details?: ApiError["details"] } | null;
  if (env?.ok) return env.data;
  const code = env && !env.ok ? env.error : `http_${res.status}`;
  if (code === "missing_csrf" && !retried) return call<T>(method, path, body, true);
  throw new ApiError(res.status, code, env && !env.ok ? env.details : undefined);
}

export const api = {
  get: <T>(path: string) => call<T>("GET", path),
  post: <T>(path: string, body?: unknown) => call<T>("POST", path, body),
  put: <T>(path: string, body?: unknown) => call<T>("PUT", path, body),
  patch: <T>(path: string, body?: unknown) => call<T>("PATCH", path, body),
  delete: <T>(path: string, body?: unknown) => call<T>("DELETE", path, body),
  /** Multipart upload (`file` plus text fields), same CSRF and envelope handling. */
  upload: <T>(method: "POST" | "PUT", path: string, form: FormData) => call<T>(method, path, form),
};

/** Plain-words message for an error code (forms show field messages first). */
export function errorMessage(e: unknown): string {
  if (!(e instanceof ApiError)) return "Something went wrong. Check your connection and try again.";
  switch (e.code) {
    case "unauthorized":
      return "Wrong email or password.";
    case "rate_limited":
      return "Too many attempts. Wait a few minutes and try again.";
    case "conflict":
      return e.field("email") ?? "That already exists.";
    case "invalid_body":
      return "Please check the highlighted fields.";
    default:
      return "Something went wrong. Please try again.";
  }
}
