import type { z } from "zod";
import { authRateKey } from "../http/guards";
import { resetRate } from "../security/rate-limit";
import { getAuth } from "./auth";
import { authHeaders, callAuth } from "./call-auth";
import type { signUpSchema } from "./schemas";

export type SessionResult = { user: { id: string; email: string }; setCookies: string[] };

/** Creates an email+password account and signs it in (session cookie in `setCookies`). */
export async function signUp(req: Request, input: z.infer<typeof signUpSchema>): Promise<SessionResult> {
  const auth = await getAuth();
  const { headers, response } = await callAuth(() =>
    auth.api.signUpEmail({
      body: { email: input.email, password: input.password, name: input.name ?? "" },
      headers: authHeaders(req),
      returnHeaders: true,
    }),
  );
  // Like a successful sign-in, a new account starts with a clean brute-force budget.
  await resetRate("auth", authRateKey(req, input.email));
  return { user: { id: response.user.id, email: response.user.email }, setCookies: headers.getSetCookie() };
}
