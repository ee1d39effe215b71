import { streamText } from "ai";
import type { Ctx } from "../../context";
import type { Citation, ToolActivity } from "../tools/tool-env";
import { beginAiCall } from "../with-guardrails";
import { citationsFor, turnOptions } from "./assistant-turn";
import { finishTurn, startTurn } from "./thread-store";

/** Newline-delimited JSON events the assistant page reads while the answer streams. */
export type ChatEvent =
  | { type: "thread"; threadId: string; messageId: string; creditsLeft: number | null }
  | { type: "text"; delta: string }
  | {
      type: "tool";
      id: string;
      tool: string;
      status: ToolActivity["status"];
      latencyMs: number;
      args: unknown;
    }
  | { type: "done"; text: string; citations: Citation[]; creditsLeft: number | null }
  | { type: "error"; error: string };

/**
 * Streaming assistant turn. Limits, credit and the thread are settled before the first
 * byte (so a limit is a proper 402/429, not an event); the provider call then streams
 * text and tool activity, and the outcome is persisted and accounted when it ends.
 */
export async function streamChat(
  ctx: Ctx,
  input: { prompt: string; threadId?: string | undefined },
): Promise<ReadableStream<Uint8Array>> {
  const call = await beginAiCall(ctx, { operation: "chat_stream", credits: 1, perMinute: true });
  let turn;
  try {
    turn = await startTurn(ctx, input);
  } catch (e) {
    throw await call.fail(e);
  }
  const { threadId, assistantMessageId } = turn;
  const enc = new TextEncoder();
  let send: (e: ChatEvent) => void = () => undefined;
  const { env, options } = await turnOptions(ctx, assistantMessageId, turn.history, input.prompt, (a) =>
    send({ type: "tool", id: a.id, tool: a.tool, status: a.status, latencyMs: a.latencyMs, args: a.args }),
  );
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      send = (e) => controller.enqueue(enc.encode(`${JSON.stringify(e)}\n`));
      send({
        type: "thread",
        threadId,
        messageId: assistantMessageId,
        creditsLeft: call.reserved.creditsLeft,
      });
      let text = "";
      let failure: unknown;
      try {
        const r = streamText({ model: call.ai.chat, abortSignal: call.signal, ...options });
        for await (const part of r.fullStream) {
          if (part.type === "text-delta") {
            text += part.text;
            send({ type: "text", delta: part.text });
          } else if (part.type === "error") failure ??= part.error;
        }
        if (!failure) {
          const usage = await r.totalUsage;
          const citations = citationsFor(text, env);
          await finishTurn(ctx, assistantMessageId, { text, citations, status: "done" });
          await call.succeed({ inputTokens: usage.inputTokens, outputTokens: usage.outputTokens });
          send({ type: "done", text, citations, creditsLeft: call.reserved.creditsLeft });
        }
      } catch (e) {
        failure ??= e;
      }
      if (failure) {
        const err = await call.fail(failure);
        await finishTurn(ctx, assistantMessageId, {
          text,
          citations: [],
          status: "error",
          error: err.code,
        }).catch(() => undefined);
        send({ type: "error", error: err.code });
      }
      controller.close();
    },
  });
}
