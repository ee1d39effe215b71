import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import { outboxSettingsSchema, updateOutboxSettingsInput } from "../../outbox/get-outbox-settings";
import {
  approveBatchInput,
  approveOneInput,
  createOutboxInput,
  groupSendInput,
  groupSendResult,
  listOutboxQuery,
  outboxItemSchema,
  updateOutboxInput,
} from "../../outbox/schemas";
import { emailConsentSchema, setEmailConsentInput } from "../../outbox/set-do-not-email";

// Attachments (≤ 10 MB, base64 in JSON) need a larger body than other endpoints.
const WITH_ATTACHMENTS = 15 * 1024 * 1024;

export const listOutboxContract = defineContract({
  method: "GET",
  path: "/api/v1/outbox",
  summary: "Outbox: drafts waiting for approval, scheduled, sent and failed emails (newest first)",
  tags: ["outbox"],
  auth: "user",
  query: listOutboxQuery,
  response: z.object({ items: z.array(outboxItemSchema) }),
});

export const createOutboxContract = defineContract({
  method: "POST",
  path: "/api/v1/outbox",
  summary:
    "New draft email to a contact (compose, reply with replyToInteractionId, or from templateId). Nothing is sent until approved. 409 when the contact is marked do-not-email",
  tags: ["outbox"],
  auth: "user",
  body: createOutboxInput,
  response: outboxItemSchema,
  maxBodyBytes: WITH_ATTACHMENTS,
  errors: ["invalid_body", "not_found", "conflict", "unprocessable", "payload_too_large"],
});

export const getOutboxContract = defineContract({
  method: "GET",
  path: "/api/v1/outbox/{id}",
  params: idParams,
  summary: "One outbox item (with Gmail's messageId once sent)",
  tags: ["outbox"],
  auth: "user",
  response: outboxItemSchema,
  errors: ["not_found"],
});

export const updateOutboxContract = defineContract({
  method: "PATCH",
  path: "/api/v1/outbox/{id}",
  params: idParams,
  summary: "Edit a draft, or reschedule an approved item (editing its content sends it back to draft)",
  tags: ["outbox"],
  auth: "user",
  body: updateOutboxInput,
  response: outboxItemSchema,
  errors: ["invalid_body", "not_found", "conflict"],
});

export const deleteOutboxContract = defineContract({
  method: "DELETE",
  path: "/api/v1/outbox/{id}",
  params: idParams,
  summary: "Discard a draft or cancel an approved/scheduled email before it leaves (409 once sending)",
  tags: ["outbox"],
  auth: "user",
  response: z.object({ id: z.uuid(), status: z.enum(["cancelled", "deleted"]) }),
  errors: ["not_found", "conflict"],
});

export const approveOutboxContract = defineContract({
  method: "POST",
  path: "/api/v1/outbox/{id}/approve",
  params: idParams,
  summary:
    "Approve one draft: it is sent now, or at sendAt (a local time in your time zone). 403 gmail_send_consent_required carries the URL that asks Google for the send permission",
  tags: ["outbox"],
  auth: "user",
  body: approveOneInput,
  response: outboxItemSchema,
  errors: ["not_found", "conflict", "forbidden"],
});

export const approveOutboxBatchContract = defineContract({
  method: "POST",
  path: "/api/v1/outbox/approve",
  summary: "Approve a batch of drafts ({ ids }, all or nothing)",
  tags: ["outbox"],
  auth: "user",
  body: approveBatchInput,
  response: z.object({ items: z.array(outboxItemSchema) }),
  errors: ["invalid_body", "not_found", "conflict", "forbidden"],
});

export const groupSendContract = defineContract({
  method: "POST",
  path: "/api/v1/outbox/group",
  summary:
    "Group send to a stage or tag (≤ 200 people): one individual draft each, with an unsubscribe link; do-not-email contacts are skipped",
  tags: ["outbox"],
  auth: "user",
  body: groupSendInput,
  response: groupSendResult,
  errors: ["invalid_body", "unprocessable", "not_found"],
});

export const checkInContract = defineContract({
  method: "POST",
  path: "/api/v1/outbox/check-in",
  summary: "Draft a check-in email for a contact (the check-in template; one draft per contact per day)",
  tags: ["outbox"],
  auth: "user",
  body: z.strictObject({ contactId: z.uuid() }),
  response: outboxItemSchema,
  errors: ["not_found", "conflict", "unprocessable"],
});

export const getEmailConsentContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/{id}/email-consent",
  params: idParams,
  summary: "Whether the contact is marked do-not-email, and why",
  tags: ["outbox"],
  auth: "user",
  response: emailConsentSchema,
  errors: ["not_found"],
});

export const setEmailConsentContract = defineContract({
  method: "PUT",
  path: "/api/v1/contacts/{id}/email-consent",
  params: idParams,
  summary: "Mark or clear do-not-email for a contact",
  tags: ["outbox"],
  auth: "user",
  body: setEmailConsentInput,
  response: emailConsentSchema,
  errors: ["invalid_body", "not_found"],
});

export const getOutboxSettingsContract = defineContract({
  method: "GET",
  path: "/api/v1/settings/email",
  summary: "Email settings: signature (Markdown), daily send cap, booking link merge field",
  tags: ["settings"],
  auth: "user",
  response: outboxSettingsSchema,
});

export const updateOutboxSettingsContract = defineContract({
  method: "PATCH",
  path: "/api/v1/settings/email",
  summary: "Update the signature, daily send cap (null = server default) or booking link",
  tags: ["settings"],
  auth: "user",
  body: updateOutboxSettingsInput,
  response: outboxSettingsSchema,
  errors: ["invalid_body"],
});

export const unsubscribeContract = defineContract({
  method: "POST",
  path: "/api/v1/public/unsubscribe",
  summary:
    "Public unsubscribe link of group emails (signed token t): marks the contact do-not-email (also one-click List-Unsubscribe)",
  tags: ["outbox"],
  auth: "public",
  rateLimit: "auth",
  query: z.object({ t: z.string().max(300) }),
  response: z.object({ ok: z.boolean() }),
});
