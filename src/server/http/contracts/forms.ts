import { z } from "zod";
import { defineContract } from "../contract";
import { idParams, uuidParam } from "../params";
import {
  consentSchema,
  createFormInput,
  createLinkInput,
  formLinkSchema,
  formSchema,
  listSubmissionsQuery,
  publicFormSchema,
  publicSubmitInput,
  submissionSchema,
  updateFormInput,
} from "../../forms/schemas";

const tags = ["forms"];

/** `params` of the public form endpoints; a malformed token answers 404 like an unknown one. */
export const tokenParams = z.object({ token: z.string().max(100) });

export const listFormsContract = defineContract({
  method: "GET",
  path: "/api/v1/forms",
  summary: "Your intake forms",
  tags,
  auth: "user",
  response: z.object({ items: z.array(formSchema) }),
});
export const createFormContract = defineContract({
  method: "POST",
  path: "/api/v1/forms",
  summary: "Create a form, empty or from a starter template (general, massage, yoga_parq, coaching, waiver)",
  tags,
  auth: "user",
  body: createFormInput,
  response: formSchema,
  maxBodyBytes: 256_000,
  errors: ["invalid_body"],
});
export const getFormContract = defineContract({
  method: "GET",
  path: "/api/v1/forms/{id}",
  params: idParams,
  summary: "One form with its fields",
  tags,
  auth: "user",
  response: formSchema,
  errors: ["not_found"],
});
export const updateFormContract = defineContract({
  method: "PATCH",
  path: "/api/v1/forms/{id}",
  params: idParams,
  summary:
    "Change a form (fields replace the whole list; a changed consent text bumps its version and queues re-consent reminders)",
  tags,
  auth: "user",
  body: updateFormInput,
  response: formSchema,
  maxBodyBytes: 256_000,
  errors: ["invalid_body", "not_found"],
});
export const deleteFormContract = defineContract({
  method: "DELETE",
  path: "/api/v1/forms/{id}",
  params: idParams,
  summary: "Delete a form and its links (submissions and consent records stay)",
  tags,
  auth: "user",
  response: z.object({ deleted: z.literal(true) }),
  errors: ["not_found"],
});
export const createFormLinkContract = defineContract({
  method: "POST",
  path: "/api/v1/forms/{id}/links",
  params: idParams,
  summary:
    "A signed link to the form: per client or public, one-time or reusable, optionally expiring; optionally an outbox draft with it",
  tags,
  auth: "user",
  body: createLinkInput,
  response: formLinkSchema,
  errors: ["invalid_body", "not_found", "unprocessable"],
});
export const listSubmissionsContract = defineContract({
  method: "GET",
  path: "/api/v1/form-submissions",
  summary: "Form submissions with their preview: the matched contact and where each answer goes",
  tags,
  auth: "user",
  query: listSubmissionsQuery,
  response: z.object({ items: z.array(submissionSchema) }),
  errors: ["invalid_query"],
});
export const approveSubmissionContract = defineContract({
  method: "POST",
  path: "/api/v1/form-submissions/{id}/approve",
  params: idParams,
  summary: "Apply a submission to the contact (fields, encrypted health context, a note)",
  tags,
  auth: "user",
  response: submissionSchema,
  errors: ["not_found", "conflict"],
});
export const undoSubmissionContract = defineContract({
  method: "POST",
  path: "/api/v1/form-submissions/{id}/undo",
  params: idParams,
  summary: "Revert what approve wrote; the submission is pending again",
  tags,
  auth: "user",
  response: submissionSchema,
  errors: ["not_found", "conflict"],
});
export const listContactConsentsContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/{id}/consents",
  params: idParams,
  summary: "A contact's consent records, each re-verified against its SHA-256 hash",
  tags,
  auth: "user",
  response: z.object({ items: z.array(consentSchema) }),
  errors: ["not_found"],
});
export const consentPdfContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/{id}/consents/{consentId}/pdf",
  params: z.object({ id: uuidParam, consentId: uuidParam }),
  summary: "The signed form as a PDF (attachment)",
  tags,
  auth: "user",
  responseType: "application/pdf",
  errors: ["not_found"],
});
export const getPublicFormContract = defineContract({
  method: "GET",
  path: "/api/v1/public/forms/{token}",
  params: tokenParams,
  summary:
    "A form a client opens through its signed link (no sign-in); 404 for unknown, expired or used links",
  tags,
  auth: "public",
  response: publicFormSchema,
  errors: ["not_found", "rate_limited"],
});
export const submitPublicFormContract = defineContract({
  method: "POST",
  path: "/api/v1/public/forms/{token}",
  params: tokenParams,
  summary:
    "Send a form's answers (checked against its fields) and signature (PNG data URL); waits for the practitioner's approval",
  tags,
  auth: "public",
  body: publicSubmitInput,
  response: z.object({ received: z.literal(true) }),
  maxBodyBytes: 512_000,
  rateLimit: "booking",
  errors: ["invalid_body", "not_found", "payload_too_large", "rate_limited"],
});
