import { z } from "zod";

export const manualInteractionTypes = ["call", "session", "meeting", "note"] as const;

export const logInteractionInput = z.object({
  type: z.enum(manualInteractionTypes),
  occurredAt: z.iso.datetime({ offset: true }),
  subject: z.string().trim().max(500).nullable().optional(),
  body: z.string().max(50_000).nullable().optional(),
  contactIds: z.array(z.uuid()).min(1).max(50),
  /** Optional client key: retrying with the same key never logs the interaction twice. */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type LogInteractionInput = z.input<typeof logInteractionInput>;

export const timelineQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const interactionSchema = z.object({
  id: z.uuid(),
  type: z.enum(["email", "meeting", "call", "note", "session", "document"]),
  source: z.string(),
  occurredAt: z.string(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  summary: z.string().nullable(),
  direction: z.string().nullable(),
  contactIds: z.array(z.uuid()),
});
export type InteractionView = z.infer<typeof interactionSchema>;

export const timelineItemSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("interaction"),
    id: z.uuid(),
    at: z.string(),
    type: z.enum(["email", "meeting", "call", "note", "session", "document"]),
    source: z.string(),
    subject: z.string().nullable(),
    /** First ~280 characters of the body. */
    snippet: z.string().nullable(),
    summary: z.string().nullable(),
    direction: z.string().nullable(),
    /** Documents: where to open the file in Google Drive (a docs/drive.google.com URL); null otherwise. */
    link: z.string().nullable(),
  }),
  z.object({
    kind: z.literal("note"),
    id: z.uuid(),
    at: z.string(),
    body: z.string(),
    pinned: z.boolean(),
    updatedAt: z.string(),
  }),
]);
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const timelinePageSchema = z.object({
  items: z.array(timelineItemSchema),
  nextCursor: z.string().nullable(),
});
