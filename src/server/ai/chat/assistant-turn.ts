import { stepCountIs, type ModelMessage } from "ai";
import type { Ctx } from "../../context";
import { getAiSettings } from "../ai-settings";
import { assistantSystemPrompt } from "../prompts/assistant-system";
import { buildAssistantTools } from "../tools/build-tools";
import type { Citation, ToolActivity, ToolEnv } from "../tools/tool-env";

export const MAX_STEPS = 6;

/** Everything generateText/streamText need for one assistant turn, bound to the caller. */
export async function turnOptions(
  ctx: Ctx,
  assistantMessageId: string,
  history: ModelMessage[],
  prompt: string,
  onActivity?: (a: ToolActivity) => void,
) {
  const { includeHealthContext } = await getAiSettings(ctx);
  const env: ToolEnv = {
    ctx,
    messageId: assistantMessageId,
    includeHealth: includeHealthContext,
    citations: new Map(),
    onActivity,
  };
  return {
    env,
    options: {
      system: assistantSystemPrompt(),
      messages: [...history, { role: "user" as const, content: prompt }],
      tools: buildAssistantTools(env),
      stopWhen: stepCountIs(MAX_STEPS),
      maxRetries: 2,
    },
  };
}

/** The sources the answer used: those it links, or else everything its tools returned (max 10). */
export function citationsFor(text: string, env: ToolEnv): Citation[] {
  const all = [...env.citations.values()];
  const linked = all.filter((c) => text.includes(c.id));
  return (linked.length ? linked : all).slice(0, 10);
}
