import { z } from "zod";
import { contactSources, lifecycleStages } from "./constants";
import { emailSchema, phoneSchema } from "./identity-normalize";

export const stageSchema = z.enum(lifecycleStages);
export const sourceSchema = z.enum(contactSources);

export const emailInput = z.object({ value: emailSchema, isPrimary: z.boolean().optional() });
export const phoneInput = z.object({ value: phoneSchema, isPrimary: z.boolean().optional() });

export const healthContextSchema = z.object({
  conditions: z.string().max(5000).optional(),
  allergies: z.string().max(5000).optional(),
  medications: z.string().max(5000).optional(),
  notes: z.string().max(10000).optional(),
});
export type HealthContext = z.infer<typeof healthContextSchema>;

const optText = (max: number) => z.string().trim().max(max).nullable().optional();

const contactFields = {
  displayName: z.string().trim().min(1).max(200),
  stage: stageSchema.optional(),
  emails: z.array(emailInput).max(20).optional(),
  phones: z.array(phoneInput).max(20).optional(),
  birthday: z.iso.date().nullable().optional(),
  address: optText(1000),
  referralSource: optText(200),
  communicationPreference: optText(200),
  preferredSessionTimes: optText(500),
  healthContext: healthContextSchema.nullable().optional(),
  tagIds: z.array(z.uuid()).max(100).optional(),
};

export const createContactInput = z.object({
  ...contactFields,
  source: sourceSchema.optional(),
});
export type CreateContactInput = z.input<typeof createContactInput>;

/** Partial update: absent = unchanged, null = cleared. emails/phones replace the whole list. */
export const updateContactInput = z.object({
  ...contactFields,
  displayName: contactFields.displayName.optional(),
});
export type UpdateContactInput = z.input<typeof updateContactInput>;

export const contactSorts = ["name", "last_interaction", "created"] as const;

const csvOrArray = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item).max(20));

export const listContactsQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(contactSorts).default("name"),
  order: z.enum(["asc", "desc"]).optional(),
  stage: csvOrArray(stageSchema).optional(),
  tag: csvOrArray(z.uuid()).optional(),
  source: csvOrArray(sourceSchema).optional(),
  noContactInDays: z.coerce.number().int().min(1).max(3650).optional(),
  q: z.string().trim().max(200).optional(),
  /** "deleted" lists the trash (soft-deleted in the last 30 days, restorable). */
  view: z.enum(["active", "deleted"]).default("active"),
});
export type ListContactsQuery = z.input<typeof listContactsQuery>;
