import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import { UPLOAD_MAX_BODY_BYTES } from "../limit-body";
import { contactDetailSchema, contactSummarySchema } from "../../contacts/contact-dto";
import { createContactInput, listContactsQuery, updateContactInput } from "../../contacts/schemas";

const tags = ["contacts"];

export const contactPageSchema = z.object({
  items: z.array(contactSummarySchema),
  /** Opaque; pass back as ?cursor= for the next page. null on the last page. */
  nextCursor: z.string().nullable(),
  /** Count of all matches, only on the first page (no cursor). */
  total: z.number().int().nullable(),
});

export const listContactsContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts",
  summary: "List contacts (cursor pagination, sort, filters, q search)",
  tags,
  auth: "user",
  query: listContactsQuery,
  response: contactPageSchema,
  errors: ["invalid_query"],
});

export const createContactContract = defineContract({
  method: "POST",
  path: "/api/v1/contacts",
  summary: "Create a contact",
  tags,
  auth: "user",
  body: createContactInput,
  response: contactDetailSchema,
  errors: ["invalid_body", "conflict"],
});

export const getContactContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/{id}",
  params: idParams,
  summary: "Get a contact with details and decrypted health context",
  tags,
  auth: "user",
  query: z.object({ includeDeleted: z.stringbool().optional() }),
  response: contactDetailSchema,
  errors: ["not_found"],
});

export const updateContactContract = defineContract({
  method: "PATCH",
  path: "/api/v1/contacts/{id}",
  params: idParams,
  summary: "Update a contact (partial; emails/phones/tagIds replace the whole list)",
  tags,
  auth: "user",
  body: updateContactInput,
  response: contactDetailSchema,
  errors: ["invalid_body", "not_found", "conflict"],
});

export const deleteContactContract = defineContract({
  method: "DELETE",
  path: "/api/v1/contacts/{id}",
  params: idParams,
  summary: "Soft-delete a contact (restorable for 30 days)",
  tags,
  auth: "user",
  response: z.object({ id: z.uuid(), deletedAt: z.string() }),
  errors: ["not_found"],
});

export const restoreContactContract = defineContract({
  method: "POST",
  path: "/api/v1/contacts/{id}/restore",
  params: idParams,
  summary: "Restore a soft-deleted contact",
  tags,
  auth: "user",
  response: z.object({ id: z.uuid() }),
  errors: ["not_found", "gone", "conflict"],
});

export const avatarUploadContract = defineContract({
  method: "PUT",
  path: "/api/v1/contacts/{id}/avatar",
  params: idParams,
  summary:
    "Upload a contact avatar (multipart field `file`; PNG or JPEG ≤ 5 MB, stored as a ≤256×256 centre crop)",
  tags,
  auth: "user",
  multipart: { file: { type: "file", description: "PNG or JPEG image, at most 5 MB", required: true } },
  response: z.object({ avatarUrl: z.string() }),
  errors: ["not_found", "payload_too_large", "unsupported_media_type", "invalid_body"],
  maxBodyBytes: UPLOAD_MAX_BODY_BYTES,
});

export const avatarGetContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/{id}/avatar",
  params: idParams,
  summary: "The contact's avatar image",
  tags,
  auth: "user",
  // An image asset: a list of 50 contacts would otherwise spend most of the user's 60/min
  // API budget on photos. Still session-checked and RLS-scoped; URLs are versioned and cached.
  rateLimit: "none",
  errors: ["not_found"],
});

export const avatarDeleteContract = defineContract({
  method: "DELETE",
  path: "/api/v1/contacts/{id}/avatar",
  params: idParams,
  summary: "Remove the contact's avatar",
  tags,
  auth: "user",
  response: z.object({ id: z.uuid() }),
  errors: ["not_found"],
});
