import { generateText } from "ai";
import type { Ctx } from "../../context";
import { capText, OUTPUT_LIMITS } from "../output-limits";
import { beginAiCall } from "../with-guardrails";
import { citationsFor, turnOptions } from "./assistant-turn";
import { finishTurn, startTurn } from "./thread-store";
import type { Citation } from "../tools/tool-env";

export type ChatAnswer = {
  text: string;
  creditsLeft: number | null;
  threadId: string;
  citations: Citation[];
  proposals: { id: string; tool: string; args: unknown }[];
};

/**
 * POST /api/chat: one question, one answer (tools included) for one credit. The turn is
 * persisted like a streamed one, so proposals it makes show up in the assistant page.
 */
export async function runChat(ctx: Ctx, input: { prompt: string; threadId?: string }): Promise<ChatAnswer> {
  const call = await beginAiCall(ctx, { operation: "chat", credits: 1, perMinute: true, task: "chat" });
  let turn;
  try {
    turn = await startTurn(ctx, input);
  } catch (e) {
    throw await call.fail(e);
  }
  const proposals: ChatAnswer["proposals"] = [];
  const { env, options } = await turnOptions(
    ctx,
    turn.assistantMessageId,
    turn.history,
    input.prompt,
    (a) => {
      if (a.status === "proposed") proposals.push({ id: a.id, tool: a.tool, args: a.args });
    },
  );
  try {
    const r = await generateText({
      model: call.ai.chat,
      abortSignal: call.signal,
      maxOutputTokens: OUTPUT_LIMITS.chat.maxOutputTokens,
      ...options,
    });
    // A provider that ignores the output limit still gets a capped answer and thread.
    const text = capText(r.text);
    const citations = citationsFor(text, env);
    await finishTurn(ctx, turn.assistantMessageId, { text, citations, status: "done" });
    await call.succeed({ inputTokens: r.totalUsage.inputTokens, outputTokens: r.totalUsage.outputTokens });
    return {
      text,
      creditsLeft: call.reserved.creditsLeft,
      threadId: turn.threadId,
      citations,
      proposals,
    };
  } catch (e) {
    const err = await call.fail(e);
    await finishTurn(ctx, turn.assistantMessageId, {
      text: "",
      citations: [],
      status: "error",
      error: err.code,
    });
    throw err;
  }
}
