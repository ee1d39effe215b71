import type { LanguageModelV3GenerateResult, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { MockEmbeddingModelV3, MockLanguageModelV3 } from "ai/test";
import { simulateReadableStream } from "ai";
import type { AiModels } from "../provider";
import { conceptEmbedding } from "./concept-embedding";

export const usage = (input: number, output: number) => ({
  inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

export function textResult(text: string, input = 100, output = 20): LanguageModelV3GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: usage(input, output),
    warnings: [],
  };
}

export function toolCallResult(
  calls: { name: string; args: unknown }[],
  input = 100,
  output = 20,
): LanguageModelV3GenerateResult {
  return {
    content: calls.map((c, i) => ({
      type: "tool-call" as const,
      toolCallId: `call-${c.name}-${i}-${Math.random().toString(36).slice(2, 8)}`,
      toolName: c.name,
      input: JSON.stringify(c.args),
    })),
    finishReason: { unified: "tool-calls", raw: "tool_calls" },
    usage: usage(input, output),
    warnings: [],
  };
}

/** Replays a generate result as a stream, so one scripted conversation serves both paths. */
export function asStream(r: LanguageModelV3GenerateResult) {
  const parts: LanguageModelV3StreamPart[] = [{ type: "stream-start", warnings: [] }];
  for (const c of r.content) {
    if (c.type === "text") {
      parts.push({ type: "text-start", id: "t" }, { type: "text-delta", id: "t", delta: c.text });
      parts.push({ type: "text-end", id: "t" });
    } else if (c.type === "tool-call") parts.push(c);
  }
  parts.push({ type: "finish", usage: r.usage, finishReason: r.finishReason });
  return { stream: simulateReadableStream({ chunks: parts, chunkDelayInMs: null, initialDelayInMs: null }) };
}

/**
 * Mock models wired like the real provider: the chat model plays `script` in order (one
 * entry per model step, for both generate and stream), the embedding model returns
 * deterministic concept vectors.
 */
export function mockAi(script: Array<LanguageModelV3GenerateResult | (() => never)> = [], dims = 1536) {
  let step = 0;
  const next = () => {
    const s = script[Math.min(step++, script.length - 1)];
    if (!s) return textResult("(no script)");
    return typeof s === "function" ? s() : s;
  };
  const chat = new MockLanguageModelV3({
    modelId: "gpt-4o-mini",
    doGenerate: async () => next(),
    doStream: async () => asStream(next()),
  });
  const embedding = new MockEmbeddingModelV3({
    modelId: "text-embedding-3-small",
    maxEmbeddingsPerCall: 16,
    doEmbed: async ({ values }) => ({
      embeddings: values.map((v) => conceptEmbedding(v, dims)),
      usage: { tokens: values.reduce((n, v) => n + Math.ceil(v.length / 4), 0) },
      warnings: [],
    }),
  });
  const models: AiModels = {
    provider: "mock",
    chat,
    chatModelId: "gpt-4o-mini",
    embedding,
    embeddingModelId: "text-embedding-3-small",
    dims,
    timeoutMs: 10_000,
  };
  return { models, chat, embedding, steps: () => step };
}
