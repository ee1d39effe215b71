import { isAPIError } from "better-auth/api";
import { AppError } from "../errors";
import { clientIp } from "../security/client-ip";

/** What Better Auth sees of a request: the session cookie, user agent and client IP only. */
export function authHeaders(req: Request): Headers {
  const h = new Headers();
  const cookie = req.headers.get("cookie");
  if (cookie) h.set("cookie", cookie);
  const ua = req.headers.get("user-agent");
  if (ua) h.set("user-agent", ua);
  h.set("x-forwarded-for", clientIp(req.headers));
  return h;
}

const FIELD_ERRORS: Record<string, [string, string]> = {
  PASSWORD_TOO_SHORT: ["password", "Password is too short"],
  PASSWORD_TOO_LONG: ["password", "Password is too long"],
  INVALID_EMAIL: ["email", "Enter a valid email address"],
  INVALID_TOKEN: ["token", "This reset link is invalid or has expired"],
  INVALID_PASSWORD: ["password", "Wrong password"],
  CREDENTIAL_ACCOUNT_NOT_FOUND: ["password", "This account has no password (it uses Google sign-in)"],
};

/**
 * Calls Better Auth's server API and turns its errors into our closed set of codes, so
 * the JSON API answers in the same envelope as every other route.
 */
export async function callAuth<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!isAPIError(e)) throw e;
    const code = (e.body as { code?: string } | undefined)?.code ?? "";
    const field = FIELD_ERRORS[code];
    if (field) throw new AppError("invalid_body", field[1], { fields: { [field[0]]: [field[1]] } });
    if (code.startsWith("USER_ALREADY_EXISTS"))
      throw new AppError("conflict", "An account with this email already exists", {
        fields: { email: ["An account with this email already exists"] },
      });
    if (e.statusCode === 401) throw new AppError("unauthorized", code || undefined);
    if (e.statusCode === 403) throw new AppError("forbidden", code || undefined);
    if (e.statusCode === 404) throw new AppError("not_found");
    if (e.statusCode === 429) throw new AppError("rate_limited");
    if (e.statusCode < 500) throw new AppError("invalid_body", code || e.message);
    throw e;
  }
}
