import { deriveKey, parseMasterKey } from "../crypto/keys";
import { env } from "@/lib/env";

const g = globalThis as unknown as { __omnicrmAuthSecret?: string };

/**
 * Better Auth signs its session cookie with HMAC-SHA256 keyed by the UTF-8 bytes of this
 * string. We derive it from AUTH_SECRET under its own purpose so the session key is never
 * the same key as the CSRF or OAuth-state signatures.
 */
export function authSecret(): string {
  g.__omnicrmAuthSecret ??= deriveKey(parseMasterKey(env().AUTH_SECRET!), "better-auth").toString("hex");
  return g.__omnicrmAuthSecret;
}

/** Cookies carry `Secure` (and Better Auth's `__Secure-` prefix) only when the app is served over https. */
export function isHttpsApp(): boolean {
  return appOrigin().startsWith("https://");
}

export function appOrigin(): string {
  const e = env();
  return new URL(e.APP_URL ?? `http://localhost:${e.PORT}`).origin;
}

export const SESSION_COOKIE_BASE = "omnicrm.session_token";

export function sessionCookieName(): string {
  return isHttpsApp() ? `__Secure-${SESSION_COOKIE_BASE}` : SESSION_COOKIE_BASE;
}
