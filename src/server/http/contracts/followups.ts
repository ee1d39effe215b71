import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import {
  contactRhythmSchema,
  putContactRhythmInput,
  putRhythmSettingsInput,
  rhythmSettingsSchema,
  snoozeContactInput,
} from "../../rhythms/schemas";
import { todaySchema } from "../../today/schemas";
import { digestPreviewSchema, digestSettingsSchema, updateDigestSettingsInput } from "../../digest/schemas";

export const getContactRhythmContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/{id}/rhythm",
  params: idParams,
  summary: "A contact's keep-in-touch rhythm: its own setting, what applies and from when it is due",
  tags: ["rhythms"],
  auth: "user",
  response: contactRhythmSchema,
  errors: ["not_found"],
});

export const putContactRhythmContract = defineContract({
  method: "PUT",
  path: "/api/v1/contacts/{id}/rhythm",
  params: idParams,
  summary: "Keep in touch every N days (0 = never, null = follow the stage and tag defaults)",
  tags: ["rhythms"],
  auth: "user",
  body: putContactRhythmInput,
  response: contactRhythmSchema,
  errors: ["invalid_body", "not_found"],
});

export const snoozeContactContract = defineContract({
  method: "POST",
  path: "/api/v1/contacts/{id}/rhythm/snooze",
  params: idParams,
  summary: "Keep a contact off 'due for contact' for N days or until a date",
  tags: ["rhythms"],
  auth: "user",
  body: snoozeContactInput,
  response: contactRhythmSchema,
  errors: ["invalid_body", "not_found"],
});

export const getRhythmSettingsContract = defineContract({
  method: "GET",
  path: "/api/v1/settings/rhythms",
  summary: "Keep-in-touch defaults per lifecycle stage and per tag, and the at-risk margin",
  tags: ["settings", "rhythms"],
  auth: "user",
  response: rhythmSettingsSchema,
});

export const putRhythmSettingsContract = defineContract({
  method: "PUT",
  path: "/api/v1/settings/rhythms",
  summary: "Replace the stage and tag defaults (what is not listed has no default)",
  tags: ["settings", "rhythms"],
  auth: "user",
  body: putRhythmSettingsInput,
  response: rhythmSettingsSchema,
  errors: ["invalid_body", "not_found"],
});

export const todayContract = defineContract({
  method: "GET",
  path: "/api/v1/today",
  summary: "Today: sessions, overdue and due tasks, people due for contact, birthdays and anniversaries",
  tags: ["today"],
  auth: "user",
  response: todaySchema,
});

export const feedUrlSchema = z.object({ url: z.string() });

export const rotateFeedContract = defineContract({
  method: "POST",
  path: "/api/v1/feeds",
  summary:
    "A new secret calendar-feed URL (ICS) with your tasks and follow-ups; the previous URL stops working",
  tags: ["feeds"],
  auth: "user",
  response: feedUrlSchema,
});

export const feedStatusContract = defineContract({
  method: "GET",
  path: "/api/v1/feeds",
  summary: "Whether a calendar feed is on (its URL is only shown when created)",
  tags: ["feeds"],
  auth: "user",
  response: z.object({ active: z.boolean(), createdAt: z.string().nullable() }),
});

export const revokeFeedContract = defineContract({
  method: "DELETE",
  path: "/api/v1/feeds",
  summary: "Turn the calendar feed off (its URL answers 404)",
  tags: ["feeds"],
  auth: "user",
  response: z.object({ active: z.literal(false) }),
});

export const feedContract = defineContract({
  method: "GET",
  path: "/api/v1/feeds/{token}",
  params: z.object({ token: z.string().max(100) }),
  summary:
    "The calendar feed (text/calendar), reached only through its secret token; 404 once rotated or revoked",
  tags: ["feeds"],
  auth: "token",
  responseType: "text/calendar",
  errors: ["not_found", "rate_limited"],
});

export const digestPreviewContract = defineContract({
  method: "GET",
  path: "/api/v1/digest/preview",
  summary: "The morning digest that would be sent now (subject, HTML and plain text)",
  tags: ["digest"],
  auth: "user",
  response: digestPreviewSchema,
});

export const getDigestSettingsContract = defineContract({
  method: "GET",
  path: "/api/v1/settings/digest",
  summary: "Morning digest on/off, its local hour, and how far ahead birthdays show",
  tags: ["settings", "digest"],
  auth: "user",
  response: digestSettingsSchema,
});

export const updateDigestSettingsContract = defineContract({
  method: "PATCH",
  path: "/api/v1/settings/digest",
  summary: "Update the morning digest settings",
  tags: ["settings", "digest"],
  auth: "user",
  body: updateDigestSettingsInput,
  response: digestSettingsSchema,
  errors: ["invalid_body"],
});

const unsubscribeQuery = z.object({ token: z.string().max(200) });

export const unsubscribePageContract = defineContract({
  method: "GET",
  path: "/api/v1/digest/unsubscribe",
  summary: "The unsubscribe page a digest links to (a button that confirms; link scanners change nothing)",
  tags: ["digest"],
  auth: "token",
  query: unsubscribeQuery,
  responseType: "text/html",
  errors: ["invalid_query"],
});

export const unsubscribeContract = defineContract({
  method: "POST",
  path: "/api/v1/digest/unsubscribe",
  summary: "Turn the morning digest off (signed token from the email; RFC 8058 one-click)",
  tags: ["digest"],
  auth: "token",
  query: unsubscribeQuery,
  responseType: "text/html",
  errors: ["invalid_query", "not_found"],
});
