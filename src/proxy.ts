import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { refreshedSessionCookie, sessionTokenFrom } from "@/server/auth/authenticate";
import { freshCsrfCookies, hasCsrfCookies } from "@/server/security/csrf";
import { applySecurityHeaders, buildCsp, newNonce } from "@/server/security/headers";

/**
 * Pages only (see matcher): a CSP with a fresh nonce per request (Next.js reads the nonce
 * from the request's CSP header and stamps it on its own scripts) and the CSRF cookie pair
 * for the forms, and the session cookie's sliding lifetime. API routes set their headers in apiRoute and static files get the static
 * ones from next.config, so neither pays for this function. No auth here: pages check the
 * session server-side in the (app) layout.
 */
export function proxy(req: NextRequest): NextResponse {
  // API paths reach here only when they hold a percent sign (see matcher): one that does not
  // decode would otherwise fail inside the router as a bare 500.
  if (req.nextUrl.pathname.startsWith("/api/"))
    return undecodablePath(req.nextUrl.pathname) ?? NextResponse.next();
  const nonce = newNonce();
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", buildCsp(nonce));
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  applySecurityHeaders(res.headers, nonce);
  const cookie = req.headers.get("cookie");
  if (!hasCsrfCookies(cookie)) {
    for (const c of freshCsrfCookies().cookies) res.headers.append("set-cookie", c);
  }
  // Sliding sessions: a page view renews the browser cookie's lifetime (the (app) layout
  // slides the server-side session). Only a correctly signed cookie is echoed back.
  const session = sessionTokenFrom(cookie) ? refreshedSessionCookie(cookie) : null;
  if (session) res.headers.append("set-cookie", session);
  return res;
}

/** 404 not_found in the API envelope for a path no route can decode; null when it decodes. */
function undecodablePath(pathname: string): NextResponse | null {
  try {
    for (const seg of pathname.split("/")) decodeURIComponent(seg);
    return null;
  } catch {
    const res = NextResponse.json({ ok: false, error: "not_found" }, { status: 404 });
    res.headers.set("cache-control", "no-store");
    res.headers.set("x-request-id", randomUUID());
    applySecurityHeaders(res.headers);
    return res;
  }
}

export const config = {
  matcher: [
    // Only API paths with a percent-encoding pay for the proxy (the check above).
    { source: "/api/:path(.*%.*)" },
    {
      source:
        "/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|txt|xml|css|js|map)$).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
