import { isAppError } from "../../errors";
import { clientIp, rateLimitAddress } from "../../security/client-ip";
import { isOriginAllowed } from "../../security/origin";
import { consumeRate } from "../../security/rate-limit";
import { esc, nonceOf, page } from "./html";

/**
 * Runs a public booking page: rate limited per IP (page views share the API budget, form
 * posts have the stricter booking one), cross-site posts refused, and any error shown as a
 * plain page: an unknown handle or link reads exactly like a page that is turned off.
 */
export async function publicPage(req: Request, fn: () => Promise<Response>): Promise<Response> {
  const nonce = nonceOf(req);
  const post = req.method === "POST";
  if (post && !sameSiteForm(req)) return page("Not allowed", "<h1>Not allowed</h1>", { nonce, status: 403 });
  const v = await consumeRate(post ? "booking" : "api", `ip:${rateLimitAddress(clientIp(req.headers))}`);
  if (!v.allowed) {
    const r = page(
      "Slow down",
      `<h1>Too many requests</h1><p>Please wait ${v.retryAfterSec} seconds and try again.</p>`,
      { nonce, status: 429 },
    );
    r.headers.set("retry-after", String(v.retryAfterSec));
    return r;
  }
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e) && e.status < 500) {
      const status = e.code === "not_found" ? 404 : e.status;
      const msg = e.code === "not_found" ? "This booking page does not exist or is not open." : e.message;
      return page("Booking", `<h1>Sorry</h1><p>${esc(msg)}</p>`, { nonce, status });
    }
    if (isAppError(e) && e.code === "service_unavailable")
      return page("Booking", `<h1>Please try again shortly</h1><p>${esc(e.message)}</p>`, {
        nonce,
        status: 503,
      });
    throw e;
  }
}

/**
 * A form post from our own page. The app's `Referrer-Policy: no-referrer` makes browsers send
 * `Origin: null` on a same-origin form POST, so "null" passes only when the browser itself
 * vouches with `Sec-Fetch-Site: same-origin` (a header pages cannot forge).
 */
function sameSiteForm(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === "null") return req.headers.get("sec-fetch-site") === "same-origin";
  return isOriginAllowed(origin);
}

/** Reads a small urlencoded form body (size-capped). */
export async function readForm(req: Request): Promise<URLSearchParams> {
  const text = await req.text();
  if (text.length > 20_000) return new URLSearchParams();
  return new URLSearchParams(text);
}
