import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

describe("safeNextPath", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeNextPath("/contacts?q=ann#top")).toBe("/contacts?q=ann#top");
    expect(safeNextPath("/settings/sync")).toBe("/settings/sync");
  });

  it("refuses anything a browser resolves to another origin", () => {
    for (const bad of [
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "//evil.example",
      "/\\/evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/%5Cevil.example".replace("%5C", "\\"),
      " /evil",
      "",
    ])
      expect(safeNextPath(bad), JSON.stringify(bad)).toBe("/");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeNextPath("/a/../../b")).toBe("/b");
    expect(safeNextPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });
});
