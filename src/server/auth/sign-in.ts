import type { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { authUsers } from "../db/schema/auth";
import { AppError } from "../errors";
import { authRateKey } from "../http/guards";
import { clearAccountFailures, recordAccountFailure } from "../security/account-lockout";
import { clientIp } from "../security/client-ip";
import { resetRate } from "../security/rate-limit";
import { recordSecurityEvent } from "../security/record-security-event";
import { getAuth } from "./auth";
import { authHeaders, callAuth } from "./call-auth";
import type { signInSchema } from "./schemas";
import type { SessionResult } from "./sign-up";

/**
 * Email+password sign-in. A failure is audited (per user when the email exists); a
 * success clears this IP+email's brute-force budget.
 */
export async function signIn(req: Request, input: z.infer<typeof signInSchema>): Promise<SessionResult> {
  const auth = await getAuth();
  try {
    const { headers, response } = await callAuth(() =>
      auth.api.signInEmail({
        body: { email: input.email, password: input.password },
        headers: authHeaders(req),
        returnHeaders: true,
      }),
    );
    await resetRate("auth", authRateKey(req, input.email));
    await clearAccountFailures(input.email);
    return { user: { id: response.user.id, email: response.user.email }, setCookies: headers.getSetCookie() };
  } catch (e) {
    if (e instanceof AppError && e.code === "unauthorized") await auditFailedSignIn(req, input.email);
    throw e;
  }
}

/** Audits a failed sign-in and counts it against the account (from any IP). */
export async function auditFailedSignIn(req: Request, email: string): Promise<void> {
  await recordAccountFailure(email);
  const { db } = await getDb();
  const [u] = await db
    .select({ id: authUsers.id })
    .from(authUsers)
    .where(eq(authUsers.email, email.trim().toLowerCase()))
    .limit(1);
  await recordSecurityEvent({
    kind: "sign_in_failed",
    userId: u?.id,
    ip: clientIp(req.headers),
    details: { email: email.trim().toLowerCase() },
  });
}
