import { generateObject, NoObjectGeneratedError } from "ai";
import type { Ctx } from "../../context";
import { aiInsights } from "../../db/schema/ai";
import { withUser } from "../../db/with-user";
import { requireAi } from "../provider";
import { OUTPUT_LIMITS } from "../output-limits";
import { UNTRUSTED_RULES } from "../untrusted";
import { withGuardrails, type Tokens } from "../with-guardrails";
import { loadInsightInput } from "./insight-input";
import { contactInsightSchema, type ContactInsight } from "./insight-schema";

export type InsightOutcome =
  | { status: "ok"; id: string; contactId: string; insight: ContactInsight; model: string; createdAt: string }
  | { status: "failed"; id: string; contactId: string; error: string; model: string; createdAt: string };

type InsightValue =
  { ok: true; insight: ContactInsight; model: string } | { ok: false; error: string; model: string };

const SYSTEM = `You write short, practical CRM insights for a solo wellness practitioner about one client.
Use only the material given. Risk means the risk that the client drifts away (long silence, cancellations, complaints).
${UNTRUSTED_RULES}`;

/**
 * One contact insight via structured output validated by zod. An invalid output is retried
 * once; if that fails too, a `failed` row records why and nothing is stored as an insight.
 * One credit per insight (both attempts); a provider error refunds it.
 */
export async function generateContactInsight(
  ctx: Ctx,
  input: { contactId: string; background?: boolean },
): Promise<InsightOutcome> {
  requireAi(); // 503 ai_not_configured before anything else
  const material = await loadInsightInput(ctx, input.contactId);
  const { value } = await withGuardrails<InsightValue>(
    ctx,
    {
      operation: input.background ? "insight_job" : "insight",
      credits: 1,
      perMinute: !input.background,
      task: "insight",
    },
    async (ai, signal) => {
      const usage = { inputTokens: 0, outputTokens: 0 };
      const add = (u: Tokens | undefined) => {
        usage.inputTokens += u?.inputTokens ?? 0;
        usage.outputTokens += u?.outputTokens ?? 0;
      };
      let lastError = "invalid_output";
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          const r = await generateObject({
            model: ai.chat,
            schema: contactInsightSchema,
            schemaName: "contact_insight",
            system: SYSTEM,
            prompt: material.prompt,
            abortSignal: signal,
            maxOutputTokens: OUTPUT_LIMITS.insight.maxOutputTokens,
            maxRetries: 2,
          });
          add(r.usage);
          return { value: { ok: true as const, insight: r.object, model: ai.chatModelId }, usage };
        } catch (e) {
          if (!NoObjectGeneratedError.isInstance(e)) throw e; // provider failure: refund
          add(e.usage);
          lastError =
            e.cause instanceof Error ? `invalid_output: ${e.cause.message.slice(0, 300)}` : "invalid_output";
          ctx.log.warn({ attempt, contactId: input.contactId }, "insight output failed validation");
        }
      }
      return { value: { ok: false as const, error: lastError, model: ai.chatModelId }, usage };
    },
  );
  const [row] = await withUser(ctx, (tx) =>
    tx
      .insert(aiInsights)
      .values({
        userId: ctx.userId,
        subjectType: "contact",
        subjectId: input.contactId,
        kind: "contact_summary",
        content: value.ok ? value.insight : {},
        model: value.model,
        status: value.ok ? "ok" : "failed",
        error: value.ok ? null : value.error,
        fingerprint: material.fingerprint,
      })
      .returning({ id: aiInsights.id, createdAt: aiInsights.createdAt }),
  );
  const base = {
    id: row!.id,
    contactId: input.contactId,
    model: value.model,
    createdAt: row!.createdAt.toISOString(),
  };
  return value.ok
    ? { ...base, status: "ok", insight: value.insight }
    : { ...base, status: "failed", error: value.error };
}
