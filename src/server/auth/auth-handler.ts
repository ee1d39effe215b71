import { env } from "@/lib/env";
import { safeNextPath } from "@/lib/safe-redirect";
import { AppError } from "../errors";
import type { Contract } from "../http/contract";
import { authRateKey, runRequestGuards } from "../http/guards";
import { clearAccountFailures } from "../security/account-lockout";
import { peekEmail } from "../security/peek-email";
import { resetRate } from "../security/rate-limit";
import { getAuth } from "./auth";
import { auditFailedSignIn } from "./sign-in";

// Better Auth endpoints that guess or spend a secret: brute-force limited per IP+email.
// (Starting a Google sign-in, /sign-in/social, guesses nothing: it stays in the api group.)
const AUTH_LIMITED = [
  "/sign-in/email",
  "/sign-up/",
  "/request-password-reset",
  "/reset-password",
  "/delete-user",
  "/change-password",
  "/verify-password",
];

// Served only through our JSON API: Better Auth's delete-user skips the password for a
// "fresh" session, and account deletion must always re-check it.
const BLOCKED = ["/delete-user"];
const RESET = ["/request-password-reset", "/reset-password", "/forget-password"];

/**
 * Better Auth's own /api/auth/* endpoints (OAuth redirects and callbacks, get-session…)
 * pass through the same origin, CSRF and rate-limit guards as the JSON API.
 */
export async function handleAuthRequest(req: Request): Promise<Response> {
  const sub = new URL(req.url).pathname.replace(/^\/api\/auth/, "");
  if (BLOCKED.some((p) => sub.startsWith(p))) throw new AppError("not_found");
  if (env().PASSWORD_RESET_DISABLED && RESET.some((p) => sub.startsWith(p))) throw new AppError("not_found");
  const limited = AUTH_LIMITED.some((p) => sub.startsWith(p));
  const contract: Contract = {
    method: req.method as Contract["method"],
    path: `/api/auth${sub}`,
    summary: "Better Auth endpoint",
    tags: ["auth"],
    auth: "public",
    rateLimit: limited ? "auth" : "api",
  };
  await runRequestGuards(req, contract, null);
  if (sub.startsWith("/sign-in/social")) await refuseOffSiteCallbacks(req);
  const email = sub === "/sign-in/email" ? await peekEmail(req) : null;
  const auth = await getAuth();
  const res = await auth.handler(req);
  if (email && res.status === 401) await auditFailedSignIn(req, email);
  if (email && res.ok) {
    await resetRate("auth", authRateKey(req, email));
    await clearAccountFailures(email);
  }
  return res;
}

const CALLBACK_FIELDS = ["callbackURL", "errorCallbackURL", "newUserCallbackURL"] as const;

/** Sign-in callbacks are same-site paths only (after URL resolution), whatever a client posts. */
async function refuseOffSiteCallbacks(req: Request): Promise<void> {
  let body: Record<string, unknown>;
  try {
    body = (await req.clone().json()) as Record<string, unknown>;
  } catch {
    return; // the library answers malformed bodies itself
  }
  const bad = CALLBACK_FIELDS.filter((f) => {
    const v = body?.[f];
    return v !== undefined && (typeof v !== "string" || safeNextPath(v, "") !== v);
  });
  if (bad.length)
    throw new AppError("invalid_body", "callback must be a path on this site", {
      fields: Object.fromEntries(bad.map((f) => [f, ["must be a path on this site"]])),
    });
}
