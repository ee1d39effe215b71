import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtInJobDefinitions } from "./registry";

const dir = path.join(__dirname, "definitions");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

/** `import("@/server/x").then((m) => m.fn(` and `const { fn } = await import("@/server/x")`. */
function lazyImports(source: string): { specifier: string; name: string }[] {
  const out: { specifier: string; name: string }[] = [];
  for (const m of source.matchAll(/import\("([^"]+)"\)\.then\(\(m\) =>\s*m\.(\w+)\(/g))
    out.push({ specifier: m[1]!, name: m[2]! });
  for (const m of source.matchAll(/const \{ (\w+) \} = await import\("([^"]+)"\)/g))
    out.push({ specifier: m[2]!, name: m[1]! });
  return out;
}

const resolve = (specifier: string) =>
  specifier.startsWith("@/") ? path.join(__dirname, "../../", specifier.slice(2)) : specifier;

describe("job registry", () => {
  it("every built-in kind declares a handler", () => {
    const missing = builtInJobDefinitions()
      .filter((d) => typeof d.handler !== "function")
      .map((d) => d.kind);
    expect(missing).toEqual([]);
    expect(builtInJobDefinitions().length).toBeGreaterThanOrEqual(8);
  });

  it("every file in definitions/ is a registered kind", () => {
    const kinds = new Set(builtInJobDefinitions().map((d) => d.kind));
    for (const f of files) {
      const kind = /kind: "([a-z0-9_]+)"/.exec(readFileSync(path.join(dir, f), "utf8"))?.[1];
      expect(kind, f).toBeDefined();
      expect(kinds.has(kind!), `${f} (${kind}) is missing from builtIn in registry.ts`).toBe(true);
    }
  });

  it("every lazy handler import resolves to an exported function", async () => {
    let checked = 0;
    for (const f of files) {
      for (const { specifier, name } of lazyImports(readFileSync(path.join(dir, f), "utf8"))) {
        const mod = (await import(resolve(specifier))) as Record<string, unknown>;
        expect(typeof mod[name], `${f}: ${specifier} exports ${name}`).toBe("function");
        checked++;
      }
    }
    // Every definition but noop (inline handler) lazy-imports its operation.
    expect(checked).toBe(files.length - 1);
  }, 30_000);
});
