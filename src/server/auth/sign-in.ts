import type { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { authUsers } from "../db/schema/auth";
import { AppError } from "../errors";
import { authRateKey } from "../http/guards";
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
    return { user: { id: response.user.id, email: response.user.email }, setCookies: headers.getSetCookie() };
  } catch (e) {
    if (e instanceof AppError && e.code === "unauthorized") await auditFailedSignIn(req, input.email);
    throw e;
  }
}

export async function auditFailedSignIn(req: Request, email: string): Promise<void> {
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
