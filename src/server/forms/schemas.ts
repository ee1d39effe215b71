import { z } from "zod";
import { FIELD_TARGETS, FIELD_TYPES, HEALTH_KEYS, MAX_FIELDS, TEMPLATE_KEYS } from "./constants";

// Field ids are short slugs the builder makes (f1, areas_to_avoid, …): they become object
// keys in answers, so the character set is closed (no __proto__ tricks: must start a-z).
const fieldId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "a field id is a-z, 0-9 and _ (max 40)");
const label = z.string().trim().min(1).max(300);
const help = z.string().trim().max(1000).optional();

const base = {
  id: fieldId,
  label,
  help,
  required: z.boolean().optional(),
  /** Where approve puts the answer; the type's default when absent (see destinations.ts). */
  target: z.enum(FIELD_TARGETS).optional(),
};

const options = z.array(z.string().trim().min(1).max(200)).min(1).max(30);

export const formFieldSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.enum(["short_text", "long_text", "email", "phone", "date", "checkbox"]) }),
  z.object({ ...base, type: z.enum(["single_choice", "multi_choice"]), options }),
  z.object({
    ...base,
    type: z.literal("scale"),
    min: z.number().int().min(0).max(10).default(1),
    max: z.number().int().min(1).max(10).default(5),
    minLabel: z.string().trim().max(60).optional(),
    maxLabel: z.string().trim().max(60).optional(),
  }),
  z.object({ ...base, type: z.literal("heading") }),
  z.object({ ...base, type: z.literal("health") }),
  z.object({
    ...base,
    type: z.literal("consent"),
    /** The text the client agrees to; its sha256 is what the consent record keeps. */
    text: z.string().trim().min(1).max(20_000),
    signature: z.boolean().default(true),
  }),
]);
export type FormField = z.output<typeof formFieldSchema>;
export type FormFieldInput = z.input<typeof formFieldSchema>;
export type FieldType = (typeof FIELD_TYPES)[number];

export const formFieldsSchema = z
  .array(formFieldSchema)
  .max(MAX_FIELDS)
  .superRefine((fields, c) => {
    const seen = new Set<string>();
    for (const f of fields) {
      if (seen.has(f.id)) c.addIssue({ code: "custom", message: `duplicate field id ${f.id}` });
      seen.add(f.id);
      if (f.type === "scale" && f.min >= f.max)
        c.addIssue({ code: "custom", message: `${f.id}: scale min must be below max` });
    }
  });

export const createFormInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  /** Start from a starter template (its fields, unless `fields` is given too). */
  template: z.enum(TEMPLATE_KEYS).optional(),
  fields: formFieldsSchema.optional(),
});
export type CreateFormInput = z.input<typeof createFormInput>;

export const updateFormInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  fields: formFieldsSchema.optional(),
});
export type UpdateFormInput = z.input<typeof updateFormInput>;

export const formSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  templateKey: z.string().nullable(),
  fields: z.array(formFieldSchema),
  consentVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FormDto = z.infer<typeof formSchema>;

export const createLinkInput = z.strictObject({
  /** A per-client link; absent = the public link for new clients. */
  contactId: z.uuid().optional(),
  /** One-time (default) or reusable. */
  reusable: z.boolean().default(false),
  /** Days until the link stops working; absent = never. */
  expiresInDays: z.number().int().min(1).max(365).optional(),
  /** Also put an email with the link in the outbox (a draft you approve); needs contactId. */
  sendViaOutbox: z.boolean().optional(),
});
export type CreateLinkInput = z.input<typeof createLinkInput>;

export const formLinkSchema = z.object({
  id: z.uuid(),
  formId: z.uuid(),
  contactId: z.uuid().nullable(),
  reusable: z.boolean(),
  expiresAt: z.string().nullable(),
  url: z.string(),
  token: z.string(),
  outboxItemId: z.uuid().nullable(),
});
export type FormLinkDto = z.infer<typeof formLinkSchema>;

// The public answer envelope: values are checked against the form's own fields afterwards
// (answer-schema.ts); here only the outer shape and sizes.
export const answerValue = z.union([
  z.string().max(10_000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(30),
  z.partialRecord(z.enum(HEALTH_KEYS), z.string().max(5000)),
]);

export const MAX_SIGNATURE_DATA_URL = 300_000;

export const publicSubmitInput = z.strictObject({
  answers: z.record(z.string().max(40), answerValue),
  signature: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      image: z.string().max(MAX_SIGNATURE_DATA_URL),
    })
    .optional(),
  /** Honeypot: people never see it; a filled one is answered like a success. */
  website: z.string().max(500).optional(),
});
export type PublicSubmitInput = z.input<typeof publicSubmitInput>;

export const publicFormSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  practitioner: z.string(),
  fields: z.array(formFieldSchema),
  /** True when the form has a consent block asking for a signature. */
  needsSignature: z.boolean(),
});
export type PublicFormDto = z.infer<typeof publicFormSchema>;

export const destinationSchema = z.object({
  fieldId: z.string(),
  label: z.string(),
  /** The answer as text, as the practitioner reads it. */
  value: z.string(),
  target: z.enum(FIELD_TARGETS),
});
export type Destination = z.infer<typeof destinationSchema>;

export const submissionSchema = z.object({
  id: z.uuid(),
  formId: z.uuid().nullable(),
  formName: z.string(),
  status: z.enum(["pending", "approved"]),
  submitterName: z.string().nullable(),
  submitterEmail: z.string().nullable(),
  /** Who approve writes to: the link's contact, a contact with the email, or a new Prospect. */
  match: z.object({
    kind: z.enum(["link", "email", "new"]),
    contactId: z.uuid().nullable(),
    displayName: z.string(),
  }),
  /** Each answer and where it goes. */
  destinations: z.array(destinationSchema),
  consentId: z.uuid().nullable(),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
});
export type SubmissionDto = z.infer<typeof submissionSchema>;

export const listSubmissionsQuery = z.object({
  status: z.enum(["pending", "approved"]).optional(),
  contactId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const consentSchema = z.object({
  id: z.uuid(),
  submissionId: z.uuid(),
  formId: z.uuid().nullable(),
  formName: z.string(),
  consentText: z.string(),
  consentVersion: z.number().int(),
  textSha256: z.string(),
  recordSha256: z.string(),
  signerName: z.string(),
  signedAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  hasSignature: z.boolean(),
  hasPdf: z.boolean(),
  /** Recomputed now: false when the stored text or any signed detail no longer matches its hash. */
  verified: z.boolean(),
  /** The form's consent text has changed since this was signed. */
  outdated: z.boolean(),
});
export type ConsentDto = z.infer<typeof consentSchema>;
