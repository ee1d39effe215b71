import { getAuth } from "../auth/auth";
import { authHeaders, callAuth } from "../auth/call-auth";
import { clientIp } from "../security/client-ip";
import { recordSecurityEvent } from "../security/record-security-event";
import { changePasswordSchema, type ChangePasswordInput } from "./schemas";

/**
 * Changes the signed-in user's password after checking the current one (the auth library
 * does the check and the hashing). Every other session is signed out; this one gets a
 * fresh session cookie, returned for the response.
 */
export async function changePassword(
  req: Request,
  userId: string,
  raw: ChangePasswordInput,
): Promise<{ setCookies: string[] }> {
  const input = changePasswordSchema.parse(raw);
  const auth = await getAuth();
  const { headers } = await callAuth(() =>
    auth.api.changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: true,
      },
      headers: authHeaders(req),
      returnHeaders: true,
    }),
  );
  await recordSecurityEvent({ kind: "password_changed", userId, ip: clientIp(req.headers) });
  return { setCookies: headers.getSetCookie() };
}
