import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { capText, MAX_ANSWER_CHARS, OUTPUT_LIMITS, worstCaseOutputTokens } from "./output-limits";

const SRC = path.resolve(__dirname, "../..");
const CALL = /\b(generateText|streamText|generateObject|streamObject)\(/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The argument text of the call whose "(" is at `open` (bracket counting, no regex). */
function callArgs(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

describe("model output limits", () => {
  // A provider that answers megabytes must be cut off by the request itself: every text or
  // object generation in the app passes its task's maxOutputTokens.
  it("every model call in src/ sets maxOutputTokens", () => {
    const calls: string[] = [];
    const unbounded: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(CALL)) {
        const where = `${path.relative(SRC, file)}: ${m[1]}`;
        calls.push(where);
        if (!callArgs(text, m.index + m[0].length - 1).includes("maxOutputTokens")) unbounded.push(where);
      }
    }
    expect(calls.length).toBeGreaterThanOrEqual(3); // chat, streamed chat, insight
    expect(unbounded).toEqual([]);
  });

  it("prices the worst case at the cap and cuts answers without splitting a surrogate pair", () => {
    expect(worstCaseOutputTokens("chat")).toBe(OUTPUT_LIMITS.chat.maxOutputTokens * OUTPUT_LIMITS.chat.steps);
    expect(capText("x".repeat(MAX_ANSWER_CHARS + 5))).toHaveLength(MAX_ANSWER_CHARS);
    const cut = capText("a" + "😀".repeat(3), 4);
    expect(cut).toBe("a😀");
  });
});
