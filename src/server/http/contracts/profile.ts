import { defineContract } from "../contract";
import { profileSchema, updateProfileInput } from "../../profile/schemas";

export const getProfileContract = defineContract({
  method: "GET",
  path: "/api/v1/settings/profile",
  summary: "Your profile: email, name and the time zone reminders, digests and bookings use",
  tags: ["settings"],
  auth: "user",
  response: profileSchema,
});

export const updateProfileContract = defineContract({
  method: "PATCH",
  path: "/api/v1/settings/profile",
  summary: "Update your profile (time zone: an IANA name such as Europe/London)",
  tags: ["settings"],
  auth: "user",
  body: updateProfileInput,
  response: profileSchema,
  errors: ["invalid_body"],
});
