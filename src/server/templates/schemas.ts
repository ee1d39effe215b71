import { z } from "zod";

export const templateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  starterKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateDto = z.infer<typeof templateSchema>;

export const templateWithPreview = templateSchema.extend({
  /** Present with ?contactId=: the template rendered for that recipient. */
  preview: z
    .object({
      contactId: z.uuid(),
      subject: z.string(),
      body: z.string(),
      missingFields: z.array(z.string()),
    })
    .optional(),
});

export const createTemplateInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  subject: z.string().trim().min(1).max(998),
  body: z.string().max(50_000),
});
export const updateTemplateInput = createTemplateInput.partial();
export const getTemplateQuery = z.object({ contactId: z.uuid().optional() });

export function toTemplateDto(r: {
  id: string;
  name: string;
  subject: string;
  body: string;
  starterKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}): TemplateDto {
  return {
    id: r.id,
    name: r.name,
    subject: r.subject,
    body: r.body,
    starterKey: r.starterKey,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
