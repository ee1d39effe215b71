// The route wrapper is where Next.js enters the core: a client component that pulls it in
// fails `next build`. (Vitest aliases the marker to an empty module; see vitest.config.ts.)
import "server-only";
import { currentLog, requestIdFrom, withLogScope } from "../log-context";
import { httpRequestDuration } from "../metrics/registry";
import { freshCsrfCookies, hasCsrfCookies } from "../security/csrf";
import { applySecurityHeaders } from "../security/headers";
import { allowedOrigins } from "../security/origin";
import { env } from "@/lib/env";
import { limitBody } from "./limit-body";
import { errFromUnknown } from "./responses";

export type RouteArgs = { params: Promise<Record<string, string | string[]>> };
export type RouteFn = (req: Request, args: RouteArgs) => Promise<Response>;

export type ApiRouteOptions = {
  /** Largest request body accepted (bytes); API_MAX_JSON_BYTES when unset. */
  maxBodyBytes?: number;
};

/**
 * Wraps a route handler: binds a request id and child logger for the request, enforces
 * the body size limit before anything else (authentication included), maps any thrown
 * error to the envelope (never a stack trace), and logs one line per request.
 * Checks that must run on every API request live here rather than in middleware, which
 * costs throughput on every request including static assets.
 */
export function apiRoute(fn: RouteFn, route = "unmatched", opts: ApiRouteOptions = {}): RouteFn {
  return (req, args) => {
    const requestId = requestIdFrom(req.headers.get("x-request-id"));
    return withLogScope({ requestId }, async () => {
      const started = performance.now();
      let res: Response;
      try {
        const limited = await limitBody(req, opts.maxBodyBytes ?? env().API_MAX_JSON_BYTES);
        res = await fn(limited, args);
      } catch (e) {
        res = errFromUnknown(e);
        for (const c of (e as { setCookies?: string[] } | null)?.setCookies ?? [])
          res.headers.append("set-cookie", c);
      }
      res = mutable(res);
      if (!res.headers.has("x-request-id")) res.headers.set("x-request-id", requestId);
      decorate(req, res);
      const ms = performance.now() - started;
      // Labelled by the route template (never the raw URL) so series stay bounded.
      httpRequestDuration.observe({ method: req.method, route, status: res.status }, ms / 1000);
      currentLog().debug(
        {
          method: req.method,
          path: new URL(req.url).pathname,
          status: res.status,
          ms: Math.round(ms),
        },
        "request",
      );
      return res;
    });
  };
}

/** Some handlers (redirects from the auth library) return immutable headers: copy those. */
function mutable(res: Response): Response {
  try {
    res.headers.set("x-probe", "1");
    res.headers.delete("x-probe");
    return res;
  } catch {
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
  }
}

/**
 * Per-request security work for API responses (the static headers come from next.config):
 * CSP with a fresh nonce, HSTS, CORS for the allowed extra origins, and the CSRF cookie
 * pair on safe requests that do not carry one yet.
 */
function decorate(req: Request, res: Response): void {
  const h = res.headers;
  // A route serving a user's bytes (file downloads, avatars) sets a stricter policy of its
  // own (default-src 'none', sandbox): it stays, the app-wide one is for everything else.
  const own = h.get("content-security-policy");
  applySecurityHeaders(h);
  if (own) h.set("content-security-policy", own);
  const origin = req.headers.get("origin");
  if (origin && allowedOrigins().has(origin)) {
    h.set("access-control-allow-origin", origin);
    h.set("access-control-allow-credentials", "true");
    h.append("vary", "Origin");
  }
  // Only for browsers and cookie-keeping clients: a bare probe (health checks, benchmarks)
  // does not pay for a token it would throw away. Scripts use GET /api/v1/auth/csrf.
  const cookie = req.headers.get("cookie");
  const keepsCookies = cookie !== null || req.headers.has("sec-fetch-site");
  if ((req.method === "GET" || req.method === "HEAD") && keepsCookies && !hasCsrfCookies(cookie)) {
    for (const c of freshCsrfCookies().cookies) h.append("set-cookie", c);
  }
}
