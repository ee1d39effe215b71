import { z } from "zod";
import { passwordSchema, PASSWORD_MAX } from "../auth/schemas";

export const sessionViewSchema = z.object({
  id: z.uuid(),
  /** The browser or app that signed in, as it described itself (may be empty). */
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
  createdAt: z.string(),
  lastActiveAt: z.string(),
  expiresAt: z.string(),
  /** The session making this request. */
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
