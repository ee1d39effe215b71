import { describe, expect, it } from "vitest";
import { costUsd, priceTable } from "./prices";

describe("price table", () => {
  it("prices known models per million tokens, OpenRouter ids included", () => {
    expect(costUsd("gpt-4o-mini", 1_000_000, 0)).toBeCloseTo(0.15);
    expect(costUsd("openai/gpt-4o-mini", 0, 1_000_000)).toBeCloseTo(0.6);
    expect(costUsd("text-embedding-3-small", 500_000, 0)).toBeCloseTo(0.01);
  });

  it("treats unknown (local) models as free", () => {
    expect(costUsd("llama3.1:8b", 1_000_000, 1_000_000)).toBe(0);
  });

  it("lets AI_PRICE_TABLE add and override prices, ignoring an invalid override", () => {
    const t = priceTable('{"llama3.1:8b":{"input":1,"output":2},"gpt-4o-mini":{"input":9,"output":9}}');
    expect(costUsd("llama3.1:8b", 1_000_000, 1_000_000, t)).toBe(3);
    expect(costUsd("gpt-4o-mini", 1_000_000, 0, t)).toBe(9);
    expect(costUsd("gpt-4o-mini", 1_000_000, 0, priceTable("{not json"))).toBeCloseTo(0.15);
  });
});
