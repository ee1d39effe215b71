import type { z } from "zod";
import { recordSecurityEvent } from "../security/record-security-event";
import { clientIp } from "../security/client-ip";
import { getAuth } from "./auth";
import { authHeaders, callAuth } from "./call-auth";
import type { deleteAccountSchema } from "./schemas";

/**
 * Deletes the signed-in account after re-checking the password. Removing the auth_users
 * row cascades to every user-owned table (all reference it ON DELETE CASCADE).
 */
export async function deleteAccount(
  req: Request,
  userId: string,
  input: z.infer<typeof deleteAccountSchema>,
): Promise<{ setCookies: string[] }> {
  const auth = await getAuth();
  const { headers } = await callAuth(() =>
    auth.api.deleteUser({
      body: { password: input.password },
      headers: authHeaders(req),
      returnHeaders: true,
    }),
  );
  await recordSecurityEvent({ kind: "account_deleted", userId, ip: clientIp(req.headers) });
  return { setCookies: headers.getSetCookie() };
}
