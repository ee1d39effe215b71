import { z } from "zod";

export const noteBody = z.string().trim().min(1).max(50_000);

export const createNoteInput = z.object({
  body: noteBody,
  pinned: z.boolean().optional(),
  /** Redact card numbers/IBANs before storage; defaults to the user's setting. */
  redact: z.boolean().optional(),
});
export const updateNoteInput = z.object({
  body: noteBody.optional(),
  pinned: z.boolean().optional(),
  redact: z.boolean().optional(),
});

export const noteSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  /** Markdown source; render with a sanitising Markdown renderer (no raw HTML). */
  body: z.string(),
  pinned: z.boolean(),
  /** How many identifiers were redacted on the last write (0 when none or not requested). */
  redactions: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NoteView = z.infer<typeof noteSchema>;
