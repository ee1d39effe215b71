import { z } from "zod";

// Shared by the JSON API and the sign-up/sign-in/reset forms (inline validation), so the
// browser and the server always agree on what is valid.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("Enter a valid email address"));
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().max(200).optional(),
});

export const signInSchema = z.object({
  email: emailSchema,
  // Sign-in does not enforce the length rule: an old password must still get a clear "wrong password".
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX),
});

export const requestResetSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z.string().min(1).max(200),
  password: passwordSchema,
});

/** `password` for accounts that have one; a Google-only account re-authenticates with Google instead. */
export const deleteAccountSchema = z.object({
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX).optional(),
});

export const userSchema = z.object({ id: z.string(), email: z.string() });
