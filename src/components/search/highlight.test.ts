import { describe, expect, it } from "vitest";
import { highlightWords, splitMatches } from "./highlight";

describe("search highlighting", () => {
  it("marks every occurrence of every word, case-insensitively, longest first at a tie", () => {
    expect(splitMatches("Knee pain after the knee-surgery", highlightWords("KNEE"))).toEqual([
      { text: "Knee", match: true },
      { text: " pain after the ", match: false },
      { text: "knee", match: true },
      { text: "-surgery", match: false },
    ]);
    expect(splitMatches("marathon mar", ["mar", "marathon"])).toEqual([
      { text: "marathon", match: true },
      { text: " ", match: false },
      { text: "mar", match: true },
    ]);
  });

  it("keeps text without matches whole, ignores one-letter words and regex characters", () => {
    expect(splitMatches("Plain text", ["zzz"])).toEqual([{ text: "Plain text", match: false }]);
    expect(highlightWords("a .* (yoga) yoga")).toEqual(["yoga"]);
    expect(splitMatches("(a+)+ b", highlightWords("(a+)+"))).toEqual([{ text: "(a+)+ b", match: false }]);
  });
});
