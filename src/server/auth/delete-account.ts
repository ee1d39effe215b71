import type { z } from "zod";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { authAccounts, authSessions } from "../db/schema/auth";
import { AppError } from "../errors";
import { sessionTokenFrom } from "./authenticate";
import { avatarKeysOfUser, removeObjects } from "../contacts/remove-avatar-objects";
import { clientFileKeysOfUser } from "../files/remove-client-file-objects";
import { getDb } from "../db/client";
import { currentLog } from "../log-context";
import { recordSecurityEvent } from "../security/record-security-event";
import { clientIp } from "../security/client-ip";
import { getAuth } from "./auth";
import { authHeaders, callAuth } from "./call-auth";
import type { deleteAccountSchema } from "./schemas";

/** How recent a sign-in proves "it is really you" for an account without a password. */
export const FRESH_SIGN_IN_SEC = 5 * 60;

/**
 * Deletes the signed-in account after re-authentication: the password when the account
 * has one; otherwise (a Google-only account) a session signed in within FRESH_SIGN_IN_SEC,
 * i.e. the user just went through Google's sign-in again. Removing the auth_users row
 * cascades to every user-owned table (all reference it ON DELETE CASCADE); the contacts'
 * stored photos and client files are removed after it.
 */
export async function deleteAccount(
  req: Request,
  userId: string,
  input: z.infer<typeof deleteAccountSchema>,
): Promise<{ setCookies: string[] }> {
  const auth = await getAuth();
  const sys = { db: (await getDb()).db, log: currentLog() };
  // The rows cascade with the user; the photos and files (disk or bucket) are removed once that worked.
  const hasPassword = await hasPasswordAccount(sys.db, userId);
  if (hasPassword && !input.password)
    throw new AppError("invalid_body", "password required", {
      fields: { password: ["Enter your password"] },
    });
  if (!hasPassword && !(await signedInRecently(sys.db, userId, req)))
    throw new AppError("forbidden", "sign in with Google again to delete the account", {
      reason: "reauthentication_required",
      maxAgeSec: FRESH_SIGN_IN_SEC,
    });
  const objectKeys = [...(await avatarKeysOfUser(sys, userId)), ...(await clientFileKeysOfUser(sys, userId))];
  const { headers } = await callAuth(() =>
    auth.api.deleteUser({
      body: hasPassword ? { password: input.password } : {},
      headers: authHeaders(req),
      returnHeaders: true,
    }),
  );
  await removeObjects(sys, objectKeys);
  await recordSecurityEvent({ kind: "account_deleted", userId, ip: clientIp(req.headers) });
  return { setCookies: headers.getSetCookie() };
}

async function hasPasswordAccount(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: authAccounts.id })
    .from(authAccounts)
    .where(
      and(
        eq(authAccounts.userId, userId),
        eq(authAccounts.providerId, "credential"),
        isNotNull(authAccounts.password),
      ),
    )
    .limit(1);
  return Boolean(row);
}

async function signedInRecently(db: Db, userId: string, req: Request): Promise<boolean> {
  const token = sessionTokenFrom(req.headers.get("cookie"));
  if (!token) return false;
  const [row] = await db
    .select({ createdAt: authSessions.createdAt })
    .from(authSessions)
    .where(and(eq(authSessions.token, token), eq(authSessions.userId, userId)))
    .limit(1);
  return Boolean(row && Date.now() - row.createdAt.getTime() <= FRESH_SIGN_IN_SEC * 1000);
}
