import { z } from "zod";
import { defineContract } from "../contract";
import {
  deleteAccountSchema,
  requestResetSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
  userSchema,
} from "../../auth/schemas";

// The JSON API for scripts and the app's own forms (docs/api/auth.md). Every POST needs the
// x-csrf-token header; GET /api/v1/auth/csrf hands a script its token.
const session = z.object({ user: userSchema });

export const csrfContract = defineContract({
  method: "GET",
  path: "/api/v1/auth/csrf",
  summary: "Issue the CSRF cookie pair and return the token to send as x-csrf-token",
  tags: ["auth"],
  auth: "public",
  response: z.object({ token: z.string() }),
});

export const signUpContract = defineContract({
  method: "POST",
  path: "/api/v1/auth/sign-up",
  summary: "Create an account with email + password and sign in (sets the session cookie)",
  tags: ["auth"],
  auth: "public",
  rateLimit: "auth",
  body: signUpSchema,
  response: session,
  errors: ["conflict", "invalid_body", "missing_csrf", "invalid_csrf", "rate_limited"],
});

export const signInContract = defineContract({
  method: "POST",
  path: "/api/v1/auth/sign-in",
  summary: "Sign in with email + password (sets the session cookie)",
  tags: ["auth"],
  auth: "public",
  rateLimit: "auth",
  body: signInSchema,
  response: session,
  errors: ["unauthorized", "invalid_body", "missing_csrf", "invalid_csrf", "rate_limited"],
});

export const signOutContract = defineContract({
  method: "POST",
  path: "/api/v1/auth/sign-out",
  summary: "Revoke the current session and clear its cookie",
  tags: ["auth"],
  auth: "public",
  response: z.object({}),
});

export const meContract = defineContract({
  method: "GET",
  path: "/api/v1/auth/me",
  summary: "The signed-in user",
  tags: ["auth"],
  auth: "user",
  response: userSchema,
});

export const requestResetContract = defineContract({
  method: "POST",
  path: "/api/v1/auth/request-password-reset",
  summary: "Email a password-reset link (same answer whether or not the account exists)",
  tags: ["auth"],
  auth: "public",
  rateLimit: "auth",
  body: requestResetSchema,
  response: z.object({}),
});

export const resetPasswordContract = defineContract({
  method: "POST",
  path: "/api/v1/auth/reset-password",
  summary: "Set a new password with the token from the reset link (signs out every session)",
  tags: ["auth"],
  auth: "public",
  rateLimit: "auth",
  body: resetPasswordSchema,
  response: z.object({}),
  errors: ["invalid_body"],
});

export const deleteAccountContract = defineContract({
  method: "POST",
  path: "/api/v1/auth/delete-account",
  summary:
    "Delete the account and every row it owns: after re-entering the password, or (Google-only accounts) within 5 minutes of signing in with Google again",
  tags: ["auth"],
  auth: "user",
  rateLimit: "auth",
  body: deleteAccountSchema,
  response: z.object({}),
  errors: ["invalid_body", "unauthorized", "forbidden"],
});
