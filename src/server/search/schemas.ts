import { z } from "zod";

export const searchHitTypes = ["contact", "interaction", "note"] as const;

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  types: z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
      z.array(z.enum(searchHitTypes)),
    )
    .optional(),
});
export type SearchQuery = z.input<typeof searchQuery>;

/** GET /api/v1/search: `mode=hybrid` adds search by meaning when AI is configured. */
export const searchRequestQuery = searchQuery.extend({
  mode: z.enum(["keyword", "hybrid"]).default("keyword"),
});
export type SearchRequestQuery = z.input<typeof searchRequestQuery>;

export const searchHitSchema = z.object({
  type: z.enum(searchHitTypes),
  id: z.uuid(),
  /** The contact to open: the contact itself, the note's contact, or the interaction's first contact. */
  contactId: z.uuid(),
  /** Contact name, or the interaction subject. */
  title: z.string(),
  snippet: z.string(),
  /** Higher is better; comparable across types (heuristic, 0..~1.3). */
  score: z.number(),
  contactName: z.string(),
  /** occurred_at of an interaction, created_at of a note, last interaction of a contact. */
  at: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
