import { getAuth } from "./auth";
import { authHeaders } from "./call-auth";
import { sessionCookieName } from "./auth-secret";

/** Revokes the current session (if any) and returns cookies that clear it. Never fails. */
export async function signOut(req: Request): Promise<{ setCookies: string[] }> {
  const auth = await getAuth();
  try {
    const { headers } = await auth.api.signOut({ headers: authHeaders(req), returnHeaders: true });
    const cookies = headers.getSetCookie();
    if (cookies.length) return { setCookies: cookies };
  } catch {
    // No valid session: nothing to revoke, still clear the cookie below.
  }
  return { setCookies: [`${sessionCookieName()}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`] };
}
