import { describe, expect, it } from "vitest";
import { microBatch } from "./micro-batch";

describe("microBatch", () => {
  it("answers each caller and groups calls made while a flush is in flight", async () => {
    const batches: number[][] = [];
    const double = microBatch(async (xs: number[]) => {
      batches.push(xs);
      await new Promise((r) => setTimeout(r, 10));
      return xs.map((x) => x * 2);
    });
    const first = double(1);
    await new Promise((r) => setImmediate(r));
    const rest = [double(2), double(3), double(4)];
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("rejects every caller of a failed flush", async () => {
    const f = microBatch(async (): Promise<number[]> => {
      throw new Error("db down");
    });
    await expect(Promise.all([f(1), f(2)])).rejects.toThrow("db down");
  });
});
