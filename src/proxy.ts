import { NextResponse, type NextRequest } from "next/server";
import { refreshedSessionCookie, sessionTokenFrom } from "@/server/auth/authenticate";
import { freshCsrfCookies, hasCsrfCookies } from "@/server/security/csrf";
import { buildCsp, hstsHeader, newNonce } from "@/server/security/headers";

/**
 * Pages only (see matcher): a CSP with a fresh nonce per request (Next.js reads the nonce
 * from the request's CSP header and stamps it on its own scripts) and the CSRF cookie pair
 * for the forms, and the session cookie's sliding lifetime. API routes set their headers in apiRoute and static files get the static
 * ones from next.config, so neither pays for this function. No auth here: pages check the
 * session server-side in the (app) layout.
 */
export function proxy(req: NextRequest): NextResponse {
  const csp = buildCsp(newNonce());
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("content-security-policy", csp);
  const hsts = hstsHeader();
  if (hsts) res.headers.set("strict-transport-security", hsts);
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

export const config = {
  matcher: [
    {
      source:
        "/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|txt|xml|css|js|map)$).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
