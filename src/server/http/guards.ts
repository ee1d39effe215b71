import { AppError } from "../errors";
import { rateLimitRejections } from "../metrics/registry";
import { checkAccountGate } from "../security/account-lockout";
import { clientIp, rateLimitAddress } from "../security/client-ip";
import { checkCsrf, freshCsrfCookies, isCsrfExempt } from "../security/csrf";
import { isOriginAllowed } from "../security/origin";
import { peekEmail } from "../security/peek-email";
import { consumeRate, type RateGroup, type RateVerdict } from "../security/rate-limit";
import { recordSecurityEvent } from "../security/record-security-event";
import type { Contract } from "./contract";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Sensitive paths that accept only these methods (405 otherwise), whatever the route exports. */
export const METHOD_ALLOW_LIST: readonly { prefix: string; methods: readonly string[] }[] = [
  { prefix: "/api/v1/sync/preview/", methods: ["POST"] },
  { prefix: "/api/v1/sync/approve/", methods: ["POST"] },
];

/** An AppError that also sets cookies (apiRoute appends them to the error response). */
export class GuardError extends AppError {
  setCookies?: string[];
}

/**
 * Request guards every API route runs before its handler: origin check (CORS), method
 * allow-list, CSRF on unsafe methods, then rate limiting by the contract's group.
 */
export async function runRequestGuards(
  req: Request,
  contract: Contract,
  user: { id: string; email: string } | null,
): Promise<void> {
  const path = new URL(req.url).pathname.replace(/^\/api\/(?!v1\/|auth\/)/, "/api/v1/");
  const ip = clientIp(req.headers);
  const origin = req.headers.get("origin");
  if (!isOriginAllowed(origin)) {
    await recordSecurityEvent({ kind: "origin_rejected", userId: user?.id, ip, details: { origin, path } });
    throw new AppError("origin_not_allowed");
  }
  const rule = METHOD_ALLOW_LIST.find((r) => path.startsWith(r.prefix));
  if (rule && !rule.methods.includes(req.method))
    throw new AppError("method_not_allowed", undefined, undefined, { Allow: rule.methods.join(", ") });

  if (UNSAFE.has(req.method) && !isCsrfExempt(path)) {
    const verdict = checkCsrf(req.headers);
    if (verdict !== "ok") {
      await recordSecurityEvent({ kind: "csrf_rejected", userId: user?.id, ip, details: { verdict, path } });
      const e = new GuardError(verdict === "missing" ? "missing_csrf" : "invalid_csrf");
      if (verdict === "missing") e.setCookies = freshCsrfCookies().cookies;
      throw e;
    }
  }

  const group = contract.rateLimit ?? "api";
  if (group === "none") return;
  const addr = rateLimitAddress(ip);
  const checks: [RateGroup, () => Promise<RateVerdict>][] = [];
  if (group === "auth") {
    const email = await peekEmail(req);
    checks.push(["auth", () => consumeRate("auth", `${addr}|${email ?? ""}`)]);
    checks.push(["auth_ip", () => consumeRate("auth_ip", addr)]);
    if (email) checks.push(["auth_account", () => checkAccountGate(email)]);
    if (/\/sign-up(?:\/|$)/.test(path)) checks.push(["signup", () => consumeRate("signup", addr)]);
  } else if (group === "booking") {
    // Public booking posts come from visitors with no account: per IP (IPv6 /64) only.
    checks.push(["booking", () => consumeRate("booking", `ip:${addr}`)]);
  } else {
    checks.push([group, () => consumeRate(group, user?.id ?? `ip:${addr}`)]);
  }
  for (const [name, check] of checks) {
    const v = await check();
    if (v.allowed) continue;
    rateLimitRejections.inc({ group: name, route: contract.path });
    if (v.firstRejection)
      await recordSecurityEvent({
        kind: group === "auth" ? "lockout" : "rate_limited",
        userId: user?.id,
        ip,
        details: { group: name, path },
      });
    throw new AppError(
      "rate_limited",
      undefined,
      { retryAfter: v.retryAfterSec },
      {
        "Retry-After": String(v.retryAfterSec),
      },
    );
  }
}

/** The key the auth group uses, so a successful sign-in can clear its failure budget. */
export function authRateKey(req: Request, email: string): string {
  return `${rateLimitAddress(clientIp(req.headers))}|${email.trim().toLowerCase()}`;
}
