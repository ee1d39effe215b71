import type { z } from "zod";
import { avatarKeysOfUser, removeObjects } from "../contacts/remove-avatar-objects";
import { getDb } from "../db/client";
import { currentLog } from "../log-context";
import { recordSecurityEvent } from "../security/record-security-event";
import { clientIp } from "../security/client-ip";
import { getAuth } from "./auth";
import { authHeaders, callAuth } from "./call-auth";
import type { deleteAccountSchema } from "./schemas";

/**
 * Deletes the signed-in account after re-checking the password. Removing the auth_users
 * row cascades to every user-owned table (all reference it ON DELETE CASCADE); the
 * contacts' stored photos are removed after it.
 */
export async function deleteAccount(
  req: Request,
  userId: string,
  input: z.infer<typeof deleteAccountSchema>,
): Promise<{ setCookies: string[] }> {
  const auth = await getAuth();
  const sys = { db: (await getDb()).db, log: currentLog() };
  // The rows cascade with the user; the photos (disk or bucket) are removed once that worked.
  const avatarKeys = await avatarKeysOfUser(sys, userId);
  const { headers } = await callAuth(() =>
    auth.api.deleteUser({
      body: { password: input.password },
      headers: authHeaders(req),
      returnHeaders: true,
    }),
  );
  await removeObjects(sys, avatarKeys);
  await recordSecurityEvent({ kind: "account_deleted", userId, ip: clientIp(req.headers) });
  return { setCookies: headers.getSetCookie() };
}
