import { APICallError } from "ai";
import type { Ctx } from "../context";
import { AppError, isAppError } from "../errors";
import { providerBreaker } from "./circuit-breaker";
import { recordUsage, refundCall, reserveCall, type GuardOptions, type Reserved } from "./guardrails";
import { observeAiUsage } from "../metrics/observe-ai-usage";
import { rateLimitRejections } from "../metrics/registry";
import { costUsd } from "./prices";
import { requireAi, type AiModels } from "./provider";

export type Tokens = { inputTokens?: number | undefined; outputTokens?: number | undefined };
export type GuardedResult<T> = { value: T; usage: Tokens; model?: string };
type GuardArgs = Omit<GuardOptions, "model"> & { kind?: "chat" | "embedding" };

/** A reservation the caller settles itself (streaming: the call outlives the request handler). */
export type AiCall = {
  ai: AiModels;
  reserved: Reserved;
  signal: AbortSignal;
  /** Records tokens and cost; closes the circuit breaker's failure streak. */
  succeed(usage: Tokens, model?: string): Promise<void>;
  /** Refunds the credit, records any tokens already spent, and maps the error for the caller. */
  fail(error: unknown, usage?: Tokens): Promise<AppError>;
};

/**
 * The one gate in front of every model call: configured? breaker closed? limits ok and
 * credit taken? Then the caller runs its call and settles the reservation.
 */
export async function beginAiCall(ctx: Ctx, o: GuardArgs): Promise<AiCall> {
  const ai = requireAi();
  const breaker = providerBreaker();
  breaker.check();
  const model = o.kind === "embedding" ? ai.embeddingModelId : ai.chatModelId;
  const reserved = await reserveCall(ctx, { ...o, model }).catch((e: unknown) => {
    // The AI budget limits count with the request limiters: group = which limit, route = operation.
    if (isAppError(e) && e.code.startsWith("rate_limited_"))
      rateLimitRejections.inc({ group: e.code.replace("rate_limited_", "ai_"), route: o.operation });
    throw e;
  });
  const signal = AbortSignal.timeout(ai.timeoutMs);
  const record = (u: Tokens, m = model) => {
    const sample = {
      model: m,
      inputTokens: u.inputTokens ?? 0,
      outputTokens: u.outputTokens ?? 0,
      costUsd: costUsd(m, u.inputTokens ?? 0, u.outputTokens ?? 0),
    };
    observeAiUsage({ ...sample, kind: o.operation });
    return recordUsage(ctx, reserved, sample);
  };
  return {
    ai,
    reserved,
    signal,
    async succeed(usage, m) {
      breaker.success();
      await record(usage, m);
    },
    async fail(error, usage) {
      if (isProviderFailure(error)) breaker.failure();
      const left = await refundCall(ctx, reserved);
      reserved.creditsLeft = left;
      if (usage) await record(usage);
      ctx.log.warn({ err: error, operation: o.operation }, "AI call failed; credit refunded");
      if (isAppError(error)) return error;
      return new AppError("upstream_error", "AI provider call failed", { reason: providerReason(error) });
    },
  };
}

/** Runs one guarded call: limits + credit before, usage + cost after, refund on failure. */
export async function withGuardrails<T>(
  ctx: Ctx,
  o: GuardArgs,
  fn: (ai: AiModels, signal: AbortSignal) => Promise<GuardedResult<T>>,
): Promise<{ value: T; creditsLeft: number | null }> {
  const call = await beginAiCall(ctx, o);
  let res: GuardedResult<T>;
  try {
    res = await fn(call.ai, call.signal);
  } catch (e) {
    throw await call.fail(e, usageOf(e));
  }
  await call.succeed(res.usage, res.model);
  return { value: res.value, creditsLeft: call.reserved.creditsLeft };
}

function isProviderFailure(e: unknown): boolean {
  if (isAppError(e)) return false;
  if (APICallError.isInstance(e))
    return e.statusCode === undefined || e.statusCode === 429 || e.statusCode >= 500;
  return true;
}

function providerReason(e: unknown): string {
  if (APICallError.isInstance(e)) return e.statusCode ? `http_${e.statusCode}` : "network";
  if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) return "timeout";
  return "provider_error";
}

function usageOf(e: unknown): Tokens | undefined {
  const u = (e as { usage?: Tokens } | null)?.usage;
  return u && typeof u === "object" ? u : undefined;
}
