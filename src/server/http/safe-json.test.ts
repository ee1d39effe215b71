import { describe, expect, it } from "vitest";
import { assertSafeJson, MAX_JSON_DEPTH } from "./safe-json";

const nest = (n: number): unknown => {
  let v: unknown = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

describe("assertSafeJson", () => {
  it("accepts ordinary bodies", () => {
    expect(() => assertSafeJson({ a: "x", b: [1, { c: null }], d: "é😀" })).not.toThrow();
    expect(() => assertSafeJson(nest(MAX_JSON_DEPTH - 1))).not.toThrow();
  });

  it("refuses NUL characters in values and keys", () => {
    expect(() => assertSafeJson({ a: "x\u0000y" })).toThrow(/NUL/);
    expect(() => assertSafeJson({ ["k\u0000"]: 1 })).toThrow(/NUL/);
    expect(() => assertSafeJson({ q: "\u0000" }, "query")).toThrow(
      expect.objectContaining({ code: "invalid_query" }),
    );
  });

  it("refuses lone surrogates but keeps real pairs", () => {
    expect(() => assertSafeJson({ a: "x\ud800y" })).toThrow(/UTF-16/);
    expect(() => assertSafeJson({ a: "\udc00" })).toThrow(/UTF-16/);
    expect(() => assertSafeJson({ ["\ud800"]: 1 })).toThrow(/UTF-16/);
    expect(() => assertSafeJson({ a: "😀\ud83d\ude00" })).not.toThrow();
  });

  it("refuses deep nesting without overflowing the stack", () => {
    expect(() => assertSafeJson(nest(20_000))).toThrow(expect.objectContaining({ code: "invalid_body" }));
  });
});
