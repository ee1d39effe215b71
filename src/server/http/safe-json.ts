import { AppError } from "../errors";

/** Deeper than any of our schemas goes; deeper input is refused before validation walks it. */
export const MAX_JSON_DEPTH = 32;

/**
 * Refuses what no field of ours may hold and what our storage and providers cannot keep:
 * nesting deeper than MAX_JSON_DEPTH, NUL characters (Postgres text and jsonb reject
 * U+0000) and invalid UTF-16 (lone surrogates), in keys or values. Iterative, so a 20,000-level array cannot overflow the stack; linear in size.
 */
export function assertSafeJson(value: unknown, where: "body" | "query" = "body"): void {
  const code = where === "body" ? "invalid_body" : "invalid_query";
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === "string") {
      checkString(v, code);
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) throw new AppError(code, "nested too deeply", { reason: "too_deep" });
    if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1]);
      continue;
    }
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
      checkString(k, code);
      stack.push([item, depth + 1]);
    }
  }
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one:
// single-character lookarounds, linear time.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkString(s: string, code: "invalid_body" | "invalid_query"): void {
  if (s.includes("\u0000")) throw new AppError(code, "NUL character", { reason: "nul_character" });
  if (LONE_SURROGATE.test(s)) throw new AppError(code, "invalid UTF-16", { reason: "invalid_unicode" });
}
