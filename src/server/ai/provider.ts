import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { EmbeddingModel, LanguageModel } from "ai";
import { env } from "@/lib/env";
import { AppError } from "../errors";

/** The models every AI operation uses; resolved once from the environment (or injected by tests). */
export type AiModels = {
  provider: string;
  chat: Exclude<LanguageModel, string>;
  chatModelId: string;
  embedding: Exclude<EmbeddingModel, string>;
  embeddingModelId: string;
  dims: number;
  timeoutMs: number;
};

const OPENROUTER_URL = "https://openrouter.ai/api/v1";

const defaults = {
  openai: { chat: "gpt-4o-mini", embedding: "text-embedding-3-small" },
  openrouter: { chat: "openai/gpt-4o-mini", embedding: "openai/text-embedding-3-small" },
  "openai-compatible": { chat: "gpt-4o-mini", embedding: "text-embedding-3-small" },
} as const;

type Holder = { __omnicrmAi?: AiModels | null; __omnicrmAiOverride?: AiModels | null };
const g = globalThis as unknown as Holder;

/** True when a provider is configured: AI endpoints answer 503 ai_not_configured otherwise. */
export function isAiConfigured(): boolean {
  return resolveModels() !== null;
}

/** The configured models, or 503 ai_not_configured with a hint the UI shows. */
export function requireAi(): AiModels {
  const m = resolveModels();
  if (!m)
    throw new AppError("ai_not_configured", "AI is not configured", {
      hint: "Set AI_PROVIDER (openai, openrouter or openai-compatible) and AI_API_KEY; see docs/ai.md.",
    });
  return m;
}

export function resolveModels(): AiModels | null {
  if (g.__omnicrmAiOverride !== undefined) return g.__omnicrmAiOverride;
  if (g.__omnicrmAi !== undefined) return g.__omnicrmAi;
  g.__omnicrmAi = buildFromEnv();
  return g.__omnicrmAi;
}

/** Tests inject mock models here (null = "not configured"); `undefined` restores env resolution. */
export function setAiModelsForTests(m: AiModels | null | undefined): void {
  g.__omnicrmAiOverride = m;
  g.__omnicrmAi = undefined;
}

function buildFromEnv(): AiModels | null {
  const e = env();
  const provider = e.AI_PROVIDER;
  if (!provider) return null;
  // OpenAI and OpenRouter need a key; a local OpenAI-compatible server often has none.
  if (provider !== "openai-compatible" && !e.AI_API_KEY) return null;
  if (provider === "openai-compatible" && !e.AI_BASE_URL) return null;
  const chatModelId = e.AI_CHAT_MODEL ?? defaults[provider].chat;
  const embeddingModelId = e.AI_EMBEDDING_MODEL ?? defaults[provider].embedding;
  const base = {
    provider,
    chatModelId,
    embeddingModelId,
    dims: e.AI_EMBEDDING_DIMS,
    timeoutMs: e.AI_TIMEOUT_MS,
  };
  if (provider === "openai-compatible") {
    const p = createOpenAICompatible({
      name: "local",
      baseURL: e.AI_BASE_URL!,
      apiKey: e.AI_API_KEY,
      includeUsage: true,
    });
    return { ...base, chat: p.chatModel(chatModelId), embedding: p.embeddingModel(embeddingModelId) };
  }
  const p = createOpenAI({
    apiKey: e.AI_API_KEY,
    baseURL: e.AI_BASE_URL ?? (provider === "openrouter" ? OPENROUTER_URL : undefined),
  });
  // Chat Completions rather than the Responses API: OpenRouter and local servers speak only it.
  return { ...base, chat: p.chat(chatModelId), embedding: p.embedding(embeddingModelId) };
}
