import type { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "../errors";
import { getAuth } from "./auth";
import { authHeaders, callAuth } from "./call-auth";
import type { requestResetSchema } from "./schemas";

/** Sends a reset link if the account exists; answers the same either way (no enumeration). */
export async function requestPasswordReset(
  req: Request,
  input: z.infer<typeof requestResetSchema>,
): Promise<void> {
  if (env().PASSWORD_RESET_DISABLED) throw new AppError("forbidden", "password reset is disabled");
  const auth = await getAuth();
  await callAuth(() =>
    auth.api.requestPasswordReset({
      body: { email: input.email, redirectTo: "/reset-password" },
      headers: authHeaders(req),
    }),
  );
}
