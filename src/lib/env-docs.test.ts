import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema } from "./env-schema";

describe("README configuration table", () => {
  it("documents every environment variable the app reads", () => {
    const readme = readFileSync("README.md", "utf8");
    const missing = Object.keys(envSchema.shape).filter((k) => !readme.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });
});
