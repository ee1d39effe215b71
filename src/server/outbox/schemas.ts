import { z } from "zod";
import { outboxOrigins, outboxStatuses } from "../db/schema/outbox";

const email = z.email().max(320);
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

// type/subtype only: no parameters, spaces or line breaks that could reach the MIME headers.
const MIME_TYPE = /^[a-z0-9][\w.+-]*\/[a-z0-9][\w.+-]*$/i;

export const attachmentInput = z.strictObject({
  // Control characters (CR/LF) never reach a header; MailComposer encodes the rest.
  filename: z
    .string()
    .min(1)
    .max(200)
    .refine(
      (f) => ![...f].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
      "filename must not contain control characters",
    ),
  contentType: z.string().min(3).max(120).regex(MIME_TYPE).default("application/octet-stream"),
  contentBase64: z.string().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8),
});

export const createOutboxInput = z.strictObject({
  contactId: z.uuid(),
  subject: z.string().max(998).default(""),
  body: z.string().max(100_000).default(""),
  replyToInteractionId: z.uuid().optional(),
  templateId: z.uuid().optional(),
  /** ISO instant, or a local date-time ("2026-12-24T09:00") read in the user's time zone. */
  sendAt: z.string().max(40).optional(),
  /** A send-as alias of the user's Gmail; default the primary address. */
  from: email.optional(),
  to: email.optional(),
  cc: z.array(email).max(20).optional(),
  attachments: z.array(attachmentInput).max(10).optional(),
});
export type CreateOutboxInput = z.input<typeof createOutboxInput>;

export const updateOutboxInput = z.strictObject({
  subject: z.string().min(1).max(998).optional(),
  body: z.string().max(100_000).optional(),
  sendAt: z.string().max(40).nullable().optional(),
  from: email.nullable().optional(),
  to: email.optional(),
  cc: z.array(email).max(20).optional(),
});

export const approveBatchInput = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) });
export const approveOneInput = z
  .strictObject({ sendAt: z.string().max(40).nullable().optional() })
  .optional();

export const listOutboxQuery = z.object({
  status: z.enum(outboxStatuses).optional(),
  contactId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const outboxItemSchema = z.object({
  id: z.uuid(),
  status: z.enum(outboxStatuses),
  origin: z.enum(outboxOrigins),
  contactId: z.uuid(),
  contactName: z.string(),
  to: z.string(),
  cc: z.array(z.string()),
  from: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  /** First line of the body, for list rows. */
  preview: z.string(),
  replyToInteractionId: z.string().nullable(),
  threadId: z.string().nullable(),
  templateId: z.string().nullable(),
  groupId: z.string().nullable(),
  sendAt: z.string().nullable(),
  /** sendAt in the user's time zone, e.g. "Thu 24 Dec, 09:00 (Europe/London)". */
  sendAtLocal: z.string().nullable(),
  idempotencyKey: z.string(),
  /** Gmail's id once sent. */
  messageId: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), sizeBytes: z.number() })),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutboxItemDto = z.infer<typeof outboxItemSchema>;

export const groupSendInput = z
  .strictObject({
    stage: z.string().min(1).max(60).optional(),
    tagId: z.uuid().optional(),
    templateId: z.uuid().optional(),
    subject: z.string().max(998).optional(),
    body: z.string().max(100_000).optional(),
  })
  .refine((v) => !!v.stage !== !!v.tagId, { message: "give exactly one of stage or tagId" })
  .refine((v) => !!v.templateId || (!!v.subject && v.body !== undefined), {
    message: "give templateId, or subject and body",
  });

export const groupSendResult = z.object({
  groupId: z.uuid(),
  created: z.number(),
  skipped: z.array(z.object({ contactId: z.uuid(), reason: z.string() })),
  items: z.array(outboxItemSchema),
});
