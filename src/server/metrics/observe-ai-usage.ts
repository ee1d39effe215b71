import { aiCostUsd, aiTokens } from "./registry";

export type AiUsageSample = {
  model: string;
  /** What the call was for: the ai_usage `operation` (chat, insight, embed, …). */
  kind: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
};

/** Counts one AI call's tokens and cost; called where usage is recorded (ai/guardrails recordUsage). */
export function observeAiUsage(u: AiUsageSample): void {
  const labels = { model: u.model || "unknown", kind: u.kind || "unknown" };
  if (u.inputTokens > 0) aiTokens.inc({ ...labels, direction: "input" }, u.inputTokens);
  if (u.outputTokens > 0) aiTokens.inc({ ...labels, direction: "output" }, u.outputTokens);
  if (u.costUsd > 0) aiCostUsd.inc(labels, u.costUsd);
}
