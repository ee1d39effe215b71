import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { isHttpsApp } from "../auth/auth-secret";

/**
 * The Content-Security-Policy for one response. Pages get their scripts' nonce from it
 * (Next.js reads the nonce out of the request's CSP header); development relaxes
 * script-src for hot reload only.
 */
export function buildCsp(nonce: string, dev = env().NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** HSTS only in production over https (browsers ignore it over http anyway). */
export function hstsHeader(): string | null {
  return env().NODE_ENV === "production" && isHttpsApp() ? "max-age=31536000; includeSubDomains" : null;
}

/**
 * The per-response security headers (the static ones come from next.config via
 * STATIC_SECURITY_HEADERS): CSP with a fresh nonce, and HSTS in production over https.
 * The one place both pages (src/proxy.ts) and API responses (apiRoute) get them from.
 */
export function dynamicSecurityHeaders(nonce = newNonce()): Record<string, string> {
  const h: Record<string, string> = { "content-security-policy": buildCsp(nonce) };
  const hsts = hstsHeader();
  if (hsts) h["strict-transport-security"] = hsts;
  return h;
}

export function applySecurityHeaders(target: Headers, nonce?: string): void {
  for (const [k, v] of Object.entries(dynamicSecurityHeaders(nonce))) target.set(k, v);
}
