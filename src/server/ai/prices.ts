import { z } from "zod";
import { env } from "@/lib/env";
import { currentLog } from "../log-context";

/** USD per million tokens. Embedding models have no output price. */
export type Price = { input: number; output: number };

// List prices at the time of writing; operators override or extend them with AI_PRICE_TABLE.
// OpenRouter ids ("openai/gpt-4o-mini") resolve to the same entry after the vendor prefix.
const builtIn: Record<string, Price> = {
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-5-mini": { input: 0.25, output: 2 },
  "gpt-5-nano": { input: 0.05, output: 0.4 },
  "claude-3.5-haiku": { input: 0.8, output: 4 },
  "text-embedding-3-small": { input: 0.02, output: 0 },
  "text-embedding-3-large": { input: 0.13, output: 0 },
};

const tableSchema = z.record(
  z.string().min(1),
  z.object({ input: z.number().min(0), output: z.number().min(0).default(0) }),
);

let cached: { raw: string | undefined; table: Record<string, Price> } | undefined;

/** Built-in prices merged with AI_PRICE_TABLE; an unparsable override is logged and ignored. */
export function priceTable(raw: string | undefined = env().AI_PRICE_TABLE): Record<string, Price> {
  if (cached && cached.raw === raw) return cached.table;
  let extra: Record<string, Price> = {};
  if (raw) {
    try {
      extra = tableSchema.parse(JSON.parse(raw));
    } catch (e) {
      currentLog().warn({ err: e }, "AI_PRICE_TABLE is not valid JSON of {model:{input,output}}; ignored");
    }
  }
  const table = { ...builtIn, ...extra };
  cached = { raw, table };
  return table;
}

export function priceOf(model: string, table = priceTable()): Price | undefined {
  return table[model] ?? table[model.split("/").pop() ?? model];
}

/** Cost in USD of one call; unknown models (typically local ones) cost 0. */
export function costUsd(
  model: string,
  inputTokens: number,
  outputTokens: number,
  table = priceTable(),
): number {
  const p = priceOf(model, table);
  if (!p) return 0;
  return (inputTokens * p.input + outputTokens * p.output) / 1_000_000;
}
