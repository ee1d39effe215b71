import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import { changePasswordSchema, sessionViewSchema } from "../../account/schemas";

export const listSessionsContract = defineContract({
  method: "GET",
  path: "/api/v1/account/sessions",
  summary: "Your signed-in sessions (devices), the current one marked",
  tags: ["auth"],
  auth: "user",
  response: z.object({ items: z.array(sessionViewSchema) }),
});

export const revokeSessionContract = defineContract({
  method: "DELETE",
  path: "/api/v1/account/sessions/{id}",
  params: idParams,
  summary: "Sign one of your sessions out",
  tags: ["auth"],
  auth: "user",
  response: z.object({ id: z.uuid() }),
  errors: ["not_found"],
});

export const changePasswordContract = defineContract({
  method: "POST",
  path: "/api/v1/account/password",
  summary: "Change your password (checks the current one; signs every other session out)",
  tags: ["auth"],
  auth: "user",
  rateLimit: "auth",
  body: changePasswordSchema,
  response: z.object({}),
  errors: ["invalid_body", "rate_limited"],
});
