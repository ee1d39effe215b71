import { csrfContract } from "@/server/http/contracts/auth";
import { readCookie } from "@/server/auth/authenticate";
import { publicRoute } from "@/server/http/route";
import { okWithCookies } from "@/server/http/with-cookies";
import { CSRF_COOKIE, freshCsrfCookies, hasCsrfCookies } from "@/server/security/csrf";

export const dynamic = "force-dynamic";

export const GET = publicRoute(csrfContract, async ({ req }) => {
  const cookie = req.headers.get("cookie");
  if (cookie && hasCsrfCookies(cookie)) return { token: readCookie(cookie, CSRF_COOKIE)! };
  const fresh = freshCsrfCookies();
  return okWithCookies({ token: fresh.token }, fresh.cookies);
});
