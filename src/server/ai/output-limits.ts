/**
 * How much a model may write, per task. Every model call passes `maxOutputTokens`; a
 * provider that ignores it (or an OpenAI-compatible server gone wrong) is still cut off by
 * the character caps on what we return and store. The daily cost cap's estimate for a
 * call uses these worst cases.
 */
export const OUTPUT_LIMITS = {
  /** One assistant turn: per model step, up to MAX_STEPS steps (tool calls). */
  chat: { maxOutputTokens: 2_000, steps: 6 },
  /** One structured contact insight: per attempt, up to two attempts. */
  insight: { maxOutputTokens: 1_000, steps: 2 },
  /** One structured extraction (promises found in a message). */
  extraction: { maxOutputTokens: 1_000, steps: 1 },
} as const;

export type OutputTask = keyof typeof OUTPUT_LIMITS;

/** An answer as returned and stored (≈ 4 characters per token of one step, with headroom). */
export const MAX_ANSWER_CHARS = 12_000;

/** One earlier message as sent back to the model as history. */
export const MAX_HISTORY_MESSAGE_CHARS = 4_000;

/** The most output tokens one call of `task` can be billed for. */
export function worstCaseOutputTokens(task: OutputTask): number {
  const l = OUTPUT_LIMITS[task];
  return l.maxOutputTokens * l.steps;
}

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair. */
export function capText(text: string, max = MAX_ANSWER_CHARS): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[max - 1] ?? "") ? max - 1 : max;
  return text.slice(0, cut);
}
