import { z } from "zod";
import { defineContract } from "../http/contract";
import {
  aiSettingsBody,
  aiSettingsResponse,
  chatBody,
  chatResponse,
  chatStreamBody,
  usageResponse,
} from "./schemas";

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
  summary: "Apply a write the assistant proposed (a note or a follow-up email draft)",
  tags: ["ai"],
  auth: "user",
  response: z.object({ id: z.string(), status: z.literal("applied"), result: z.unknown() }),
  errors: ["not_found", "conflict"],
});

export const rejectProposalContract = defineContract({
  method: "POST",
  path: "/api/v1/chat/proposals/{id}/reject",
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
