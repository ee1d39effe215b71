import { z } from "zod";

export const usageResponse = z.object({
  configured: z.boolean(),
  creditsMonthly: z.number().int(),
  creditsLeft: z.number().int(),
  todayCostUsd: z.number(),
  monthCostUsd: z.number(),
  dailyCostCapUsd: z.number().nullable(),
  requestsPerMinute: z.number().int(),
});

export const chatBody = z.object({ prompt: z.string().trim().min(1).max(8000) });
const citation = z.object({
  type: z.enum(["contact", "interaction", "note"]),
  id: z.string(),
  title: z.string(),
  href: z.string(),
});
export const chatResponse = z.object({
  text: z.string(),
  creditsLeft: z.number().int().nullable(),
  threadId: z.string(),
  citations: z.array(citation),
  proposals: z.array(z.object({ id: z.string(), tool: z.string(), args: z.unknown() })),
});

export const chatStreamBody = z.object({
  prompt: z.string().trim().min(1).max(8000),
  threadId: z.uuid().optional(),
});

export const aiSettingsBody = z.object({ includeHealthContext: z.boolean() });
export const aiSettingsResponse = z.object({ includeHealthContext: z.boolean(), configured: z.boolean() });

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  mode: z.enum(["keyword", "semantic", "hybrid"]).default("hybrid"),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
