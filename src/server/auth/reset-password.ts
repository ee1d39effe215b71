import type { z } from "zod";
import { getAuth } from "./auth";
import { authHeaders, callAuth } from "./call-auth";
import type { resetPasswordSchema } from "./schemas";

/** Sets a new password from a reset token; every existing session of the user is revoked. */
export async function resetPassword(req: Request, input: z.infer<typeof resetPasswordSchema>): Promise<void> {
  const auth = await getAuth();
  await callAuth(() =>
    auth.api.resetPassword({
      body: { token: input.token, newPassword: input.password },
      headers: authHeaders(req),
    }),
  );
}
