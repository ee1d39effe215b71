import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const doc = readFileSync(path.join(ROOT, "docs/ops/security.md"), "utf8");

function tableRows(): string[] {
  return doc
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| Entry") && !l.startsWith("| ---"));
}

// docs/ops/security.md is the threat model: every way untrusted input enters, its limits and
// the test that proves them. A row whose proof was renamed or deleted fails here.
describe("threat model (docs/ops/security.md)", () => {
  it("covers every way untrusted input enters", () => {
    for (const section of [
      "## Every request",
      "## Accounts",
      "## Uploads and imported content",
      "## Public pages and webhooks",
      "## AI output",
    ])
      expect(doc).toContain(section);
    const entries = tableRows().map((r) => r.split("|")[1] ?? "");
    for (const entry of [
      "CSV",
      "Avatar images",
      "Imported mail",
      "calendar events",
      "webhooks",
      "Model answers",
    ])
      expect(
        entries.some((e) => e.includes(entry)),
        entry,
      ).toBe(true);
    expect(doc).not.toMatch(/to be filled/i);
  });

  it("cites only test files that exist, and every row cites one", () => {
    const rows = tableRows();
    expect(rows.length).toBeGreaterThan(15);
    const missing: string[] = [];
    for (const row of rows) {
      const proof = row.split("|").at(-2) ?? "";
      const files = [...proof.matchAll(/`([^`\s]+\.(?:int\.)?test\.ts)`/g)].map((m) => m[1]!);
      if (!files.length && !proof.includes("npm run lint") && !proof.includes("integration tests"))
        missing.push(`no test: ${row.slice(0, 60)}`);
      for (const f of files) if (!existsSync(path.join(ROOT, f))) missing.push(f);
    }
    expect(missing).toEqual([]);
  });
});
