import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

/** Every module reachable from `entry` through value imports (type-only imports are erased). */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const src = readFileSync(entry, "utf8");
  for (const m of src.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gm)) {
    const spec = m[1]!;
    if (!spec.startsWith(".") && !spec.startsWith("@/")) {
      seen.add(spec);
      continue;
    }
    const base = spec.startsWith("@/")
      ? path.join(root, spec.slice(2))
      : path.resolve(path.dirname(entry), spec);
    const file = [".ts", ".tsx", "/index.ts"].map((e) => base + e).find(existsSync);
    if (file) reachable(file, seen);
  }
  return seen;
}

describe("client bundles", () => {
  it.each([
    "components/contacts/quick-add-form.ts",
    "app/(app)/contacts/[id]/_components/log-interaction-form.ts",
    "app/(app)/contacts/trash/_components/trash-age.ts",
  ])("%s does not pull drizzle or node built-ins into the browser", (file) => {
    const mods = [...reachable(path.join(root, file))];
    expect(mods.filter((m) => /^(drizzle-orm|pg|node:)/.test(m))).toEqual([]);
  });
});
