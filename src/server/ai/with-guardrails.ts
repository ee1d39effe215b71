import { APICallError, RetryError } from "ai";
import type { Ctx } from "../context";
import { AppError, isAppError } from "../errors";
import { beginProviderCall } from "./circuit-breaker";
import { recordUsage, refundCall, reserveCall, type GuardOptions, type Reserved } from "./guardrails";
import { observeAiUsage } from "../metrics/observe-ai-usage";
import { rateLimitRejections } from "../metrics/registry";
import { worstCaseOutputTokens, type OutputTask } from "./output-limits";
import { costUsd } from "./prices";
import { requireAi, type AiModels } from "./provider";

export type Tokens = { inputTokens?: number | undefined; outputTokens?: number | undefined };
export type GuardedResult<T> = { value: T; usage: Tokens; model?: string };
type GuardArgs = Omit<GuardOptions, "model" | "worstCaseUsd"> & {
  kind?: "chat" | "embedding";
  /** The task's output cap: the daily cost cap's estimate for this call, and the cost billed when the provider reports no usage. */
  task?: OutputTask;
};

/** A reservation the caller settles itself (streaming: the call outlives the request handler). */
export type AiCall = {
  ai: AiModels;
  reserved: Reserved;
  signal: AbortSignal;
  /** Records tokens and cost; closes the circuit breaker's failure streak. */
  succeed(usage: Tokens, model?: string): Promise<void>;
  /**
   * Refunds the credit, records any tokens already spent, and maps the error for the caller.
   * Only provider failures count toward the breaker; after succeed() nothing is refunded.
   */
  fail(error: unknown, usage?: Tokens): Promise<AppError>;
  /** The caller went away mid-call: the credit stays spent, the breaker is not told. */
  cancel(usage?: Tokens): Promise<void>;
};

/**
 * The one gate in front of every model call: configured? breaker closed? limits ok and
 * credit taken? Then the caller runs its call and settles the reservation.
 */
export async function beginAiCall(ctx: Ctx, o: GuardArgs): Promise<AiCall> {
  const ai = requireAi();
  const model = o.kind === "embedding" ? ai.embeddingModelId : ai.chatModelId;
  const capTokens = o.task ? worstCaseOutputTokens(o.task) : 0;
  const lease = beginProviderCall(ai.provider);
  const reserved = await reserveCall(ctx, {
    ...o,
    model,
    worstCaseUsd: costUsd(model, 0, capTokens),
  }).catch((e: unknown) => {
    lease.ignore();
    // The AI budget limits count with the request limiters: group = which limit, route = operation.
    if (isAppError(e) && e.code.startsWith("rate_limited_"))
      rateLimitRejections.inc({ group: e.code.replace("rate_limited_", "ai_"), route: o.operation });
    throw e;
  });
  const signal = AbortSignal.timeout(ai.timeoutMs);
  const record = (u: Tokens, m = model) => {
    // A provider that reports no usage is billed the task's cap (what it could have cost).
    const outputTokens = u.outputTokens ?? capTokens;
    const sample = {
      model: m,
      inputTokens: u.inputTokens ?? 0,
      outputTokens,
      costUsd: costUsd(m, u.inputTokens ?? 0, outputTokens),
    };
    observeAiUsage({ ...sample, kind: o.operation });
    return recordUsage(ctx, reserved, sample);
  };
  let settled: "succeeded" | "failed" | "cancelled" | null = null;
  return {
    ai,
    reserved,
    signal,
    async succeed(usage, m) {
      if (settled) return;
      settled = "succeeded";
      lease.success();
      await record(usage, m);
    },
    async fail(error, usage) {
      const mapped = isAppError(error)
        ? error
        : new AppError("upstream_error", "AI provider call failed", { reason: providerReason(error) });
      if (settled) return mapped; // never refund (or count) a call already settled
      settled = "failed";
      if (isProviderFailure(error)) lease.failure(error);
      else lease.ignore();
      const left = await refundCall(ctx, reserved);
      reserved.creditsLeft = left;
      if (usage) await record(usage);
      ctx.log.warn({ err: error, operation: o.operation }, "AI call failed; credit refunded");
      return mapped;
    },
    async cancel(usage) {
      if (settled) return;
      settled = "cancelled";
      lease.ignore();
      await record(usage ?? {});
      ctx.log.info({ operation: o.operation }, "AI call cancelled by the client");
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

/** Only the provider's own failures count toward its breaker: 5xx, 429, network, timeout. */
function isProviderFailure(e: unknown): boolean {
  if (RetryError.isInstance(e)) return isProviderFailure(e.lastError);
  if (APICallError.isInstance(e))
    return e.statusCode === undefined || e.statusCode === 429 || e.statusCode >= 500;
  return e instanceof Error && e.name === "TimeoutError";
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
