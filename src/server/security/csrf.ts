import { randomBytes } from "node:crypto";
import { appSigner } from "../crypto/app-crypto";
import { readCookie } from "../auth/authenticate";
import { isHttpsApp } from "../auth/auth-secret";

export const CSRF_COOKIE = "csrf";
export const CSRF_SIG_COOKIE = "csrf_sig";
export const CSRF_HEADER = "x-csrf-token";

/** Endpoints that authenticate otherwise (signed webhooks) and so skip CSRF. The only list. */
// Routes authorised by their signed token alone: one-click List-Unsubscribe (RFC 8058) POSTs
// come from mail providers with no cookie, and all such a token can do is unsubscribe.
export const CSRF_EXEMPT_PREFIXES: readonly string[] = [
  "/api/v1/webhooks/",
  "/api/webhooks/",
  "/api/v1/public/unsubscribe",
  "/api/v1/digest/unsubscribe",
];

export type CsrfCheck = "ok" | "missing" | "invalid";

let cached: ReturnType<typeof appSigner> | undefined;
// Key derivation is not free; the signer is built once per process.
const signer = () => (cached ??= appSigner("csrf"));

/**
 * Signed double-submit: the header must equal the `csrf` cookie AND the httpOnly
 * `csrf_sig` cookie must be a valid HMAC of it, so a cookie planted by a sibling
 * subdomain (which cannot know the key) is useless.
 */
export function checkCsrf(headers: Headers): CsrfCheck {
  const cookieHeader = headers.get("cookie") ?? "";
  const token = readCookie(cookieHeader, CSRF_COOKIE);
  const sig = readCookie(cookieHeader, CSRF_SIG_COOKIE);
  const given = headers.get(CSRF_HEADER);
  if (!given || !token || !sig) return "missing";
  if (given !== token || !signer().verify(token, sig)) return "invalid";
  return "ok";
}

export function hasCsrfCookies(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return readCookie(cookieHeader, CSRF_COOKIE) !== null && readCookie(cookieHeader, CSRF_SIG_COOKIE) !== null;
}

/** Fresh `Set-Cookie` values for a new token pair. */
export function freshCsrfCookies(): { token: string; cookies: string[] } {
  const token = randomBytes(24).toString("base64url");
  const secure = isHttpsApp() ? "; Secure" : "";
  return {
    token,
    cookies: [
      `${CSRF_COOKIE}=${token}; Path=/; SameSite=Strict${secure}`,
      `${CSRF_SIG_COOKIE}=${signer().sign(token)}; Path=/; HttpOnly; SameSite=Strict${secure}`,
    ],
  };
}

export function isCsrfExempt(pathname: string): boolean {
  return CSRF_EXEMPT_PREFIXES.some((p) => pathname.startsWith(p));
}
