import { streamText } from "ai";
import type { Ctx } from "../../context";
import type { Citation, ToolActivity } from "../tools/tool-env";
import { capText, MAX_ANSWER_CHARS, OUTPUT_LIMITS } from "../output-limits";
import { beginAiCall, type Tokens } from "../with-guardrails";
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
 * The answer is capped (MAX_ANSWER_CHARS: the provider call is stopped there). A client
 * that goes away (cancel) stops the provider call; its credit stays spent and the
 * provider's breaker is not told, since the provider did nothing wrong.
 */
export async function streamChat(
  ctx: Ctx,
  input: { prompt: string; threadId?: string | undefined },
): Promise<ReadableStream<Uint8Array>> {
  const call = await beginAiCall(ctx, {
    operation: "chat_stream",
    credits: 1,
    perMinute: true,
    task: "chat",
  });
  let turn;
  try {
    turn = await startTurn(ctx, input);
  } catch (e) {
    throw await call.fail(e);
  }
  const { threadId, assistantMessageId } = turn;
  const enc = new TextEncoder();
  const stop = new AbortController();
  let cancelled = false;
  let send: (e: ChatEvent) => void = () => undefined;
  const { env, options } = await turnOptions(ctx, assistantMessageId, turn.history, input.prompt, (a) =>
    send({ type: "tool", id: a.id, tool: a.tool, status: a.status, latencyMs: a.latencyMs, args: a.args }),
  );
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      send = (e) => {
        if (cancelled) return;
        try {
          controller.enqueue(enc.encode(`${JSON.stringify(e)}\n`));
        } catch {
          cancelled = true; // the reader is gone
        }
      };
      send({
        type: "thread",
        threadId,
        messageId: assistantMessageId,
        creditsLeft: call.reserved.creditsLeft,
      });
      let text = "";
      let truncated = false;
      let failure: unknown;
      try {
        const r = streamText({
          model: call.ai.chat,
          abortSignal: AbortSignal.any([call.signal, stop.signal]),
          maxOutputTokens: OUTPUT_LIMITS.chat.maxOutputTokens,
          ...options,
        });
        for await (const part of r.fullStream) {
          if (cancelled) break;
          if (part.type === "text-delta") {
            const room = MAX_ANSWER_CHARS - text.length;
            const delta = part.text.length > room ? capText(part.text, room) : part.text;
            text += delta;
            if (delta) send({ type: "text", delta });
            if (delta.length < part.text.length) {
              truncated = true; // the provider ignored its output limit: stop it here
              stop.abort();
              break;
            }
          } else if (part.type === "error") failure ??= part.error;
        }
        if (!failure && !cancelled) {
          const usage: Tokens = truncated ? {} : await r.totalUsage;
          const citations = citationsFor(text, env);
          await finishTurn(ctx, assistantMessageId, { text, citations, status: "done" });
          await call.succeed({ inputTokens: usage.inputTokens, outputTokens: usage.outputTokens });
          send({ type: "done", text, citations, creditsLeft: call.reserved.creditsLeft });
        }
      } catch (e) {
        if (!cancelled) failure ??= e;
      }
      if (cancelled) {
        await call.cancel();
        await finishTurn(ctx, assistantMessageId, {
          text,
          citations: [],
          status: "error",
          error: "cancelled",
        }).catch(() => undefined);
        return;
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
      try {
        controller.close();
      } catch {
        // cancelled meanwhile
      }
    },
    cancel() {
      cancelled = true;
      stop.abort();
    },
  });
}
