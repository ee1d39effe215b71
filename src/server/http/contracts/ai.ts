import { z } from "zod";
import { defineContract } from "../contract";
import { contactIdParams, idParams } from "../params";
import { searchHitSchema } from "../../search/schemas";
import { embeddingBackfillResponse, embeddingCoverageResponse } from "../../ai/embeddings/schemas";
import {
  aiSettingsBody,
  aiSettingsResponse,
  chatBody,
  chatResponse,
  chatStreamBody,
  searchQuery,
  usageResponse,
} from "../../ai/schemas";

const limitErrors = [
  "ai_not_configured",
  "rate_limited_minute",
  "rate_limited_daily_cost",
  "rate_limited_monthly",
];

export const aiUsageContract = defineContract({
  method: "GET",
  path: "/api/v1/ai/usage",
  summary: "AI credits left this month, today's and this month's cost (USD)",
  tags: ["ai"],
  auth: "user",
  response: usageResponse,
});

export const chatContract = defineContract({
  method: "POST",
  path: "/api/v1/chat",
  summary: "Ask the assistant one question (tools run as you; write actions only become proposals)",
  tags: ["ai"],
  auth: "user",
  rateLimit: "ai",
  body: chatBody,
  response: chatResponse,
  errors: [...limitErrors, "upstream_error", "service_unavailable"],
});

export const chatStreamContract = defineContract({
  method: "POST",
  path: "/api/v1/chat/stream",
  summary:
    "Streaming assistant reply in a persisted thread: newline-delimited JSON events (thread, text, tool, proposal, done, error)",
  tags: ["ai"],
  auth: "user",
  rateLimit: "ai",
  body: chatStreamBody,
  errors: [...limitErrors, "not_found", "service_unavailable"],
});

const threadSummary = z.object({ id: z.string(), title: z.string().nullable(), updatedAt: z.string() });

export const listThreadsContract = defineContract({
  method: "GET",
  path: "/api/v1/chat/threads",
  summary: "Your assistant threads, newest first",
  tags: ["ai"],
  auth: "user",
  response: z.object({ threads: z.array(threadSummary) }),
});

export const getThreadContract = defineContract({
  method: "GET",
  path: "/api/v1/chat/threads/{id}",
  params: idParams,
  summary: "One thread with its messages, tool activity and proposals",
  tags: ["ai"],
  auth: "user",
  response: z.object({
    thread: threadSummary,
    messages: z.array(
      z.object({ id: z.string(), role: z.string(), content: z.unknown(), createdAt: z.string() }),
    ),
    tools: z.array(z.unknown()),
  }),
  errors: ["not_found"],
});

export const confirmProposalContract = defineContract({
  method: "POST",
  path: "/api/v1/chat/proposals/{id}/confirm",
  params: idParams,
  summary: "Apply a write the assistant proposed (a note or a follow-up email draft)",
  tags: ["ai"],
  auth: "user",
  response: z.object({ id: z.string(), status: z.literal("applied"), result: z.unknown() }),
  errors: ["not_found", "conflict"],
});

export const rejectProposalContract = defineContract({
  method: "POST",
  path: "/api/v1/chat/proposals/{id}/reject",
  params: idParams,
  summary: "Discard a write the assistant proposed",
  tags: ["ai"],
  auth: "user",
  response: z.object({ id: z.string(), status: z.literal("rejected") }),
  errors: ["not_found", "conflict"],
});

export const getAiSettingsContract = defineContract({
  method: "GET",
  path: "/api/v1/ai/settings",
  summary: "Your AI privacy settings",
  tags: ["ai"],
  auth: "user",
  response: aiSettingsResponse,
});

export const updateAiSettingsContract = defineContract({
  method: "PUT",
  path: "/api/v1/ai/settings",
  summary: "Change your AI privacy settings (e.g. allow sending health context to the provider)",
  tags: ["ai"],
  auth: "user",
  body: aiSettingsBody,
  response: aiSettingsResponse,
});

export const hybridSearchContract = defineContract({
  method: "GET",
  path: "/api/v1/ai/search",
  summary:
    "Search contacts, interactions and notes: keyword, semantic (pgvector) or hybrid (reciprocal-rank fusion); says which mode it used and why it fell back",
  tags: ["ai", "search"],
  auth: "user",
  query: searchQuery,
  response: z.object({
    results: z.array(searchHitSchema),
    modeRequested: z.enum(["keyword", "semantic", "hybrid"]),
    modeUsed: z.enum(["keyword", "semantic", "hybrid"]),
    fallbackReason: z
      .enum(["no_provider", "no_pgvector", "no_embeddings", "provider_error", "limit_reached"])
      .optional(),
  }),
  errors: ["invalid_query"],
});

export const getInsightContract = defineContract({
  method: "GET",
  path: "/api/v1/ai/insights/{contactId}",
  params: contactIdParams,
  summary: "The latest AI insight of a contact (summary, next step, risk, persona), or null",
  tags: ["ai"],
  auth: "user",
  response: z.object({ insight: z.unknown().nullable() }),
  errors: ["not_found"],
});

export const generateInsightContract = defineContract({
  method: "POST",
  path: "/api/v1/ai/insights/{contactId}",
  params: contactIdParams,
  summary: "Generate a contact insight now (one credit); an invalid model output is recorded as failed",
  tags: ["ai"],
  auth: "user",
  rateLimit: "ai",
  response: z.object({ status: z.enum(["ok", "failed"]), id: z.string(), contactId: z.string() }).loose(),
  errors: [...limitErrors, "not_found", "upstream_error"],
});

export const todayBriefContract = defineContract({
  method: "GET",
  path: "/api/v1/ai/today",
  summary: "Today's brief: who to follow up with and why, and today's sessions (no model call)",
  tags: ["ai"],
  auth: "user",
  response: z.object({ followUps: z.array(z.unknown()), sessionsToday: z.array(z.unknown()) }),
});

export const embeddingCoverageContract = defineContract({
  method: "GET",
  path: "/api/v1/ai/embeddings/coverage",
  summary:
    "How many of your contacts, interactions and notes are indexed for semantic search (current embedding model), and how many are queued",
  tags: ["ai"],
  auth: "user",
  response: embeddingCoverageResponse,
});

export const embeddingBackfillContract = defineContract({
  method: "POST",
  path: "/api/v1/ai/embeddings/backfill",
  summary:
    "Queue embedding jobs for your content that has none for the current model (e.g. imported before AI was configured); idempotent while those jobs are live",
  tags: ["ai"],
  auth: "user",
  rateLimit: "ai",
  response: embeddingBackfillResponse,
  errors: ["ai_not_configured", "service_unavailable"],
});
