import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const SERVER_ONLY = /^(drizzle-orm|pg|pino|ioredis|bullmq|node:)/;

/** Every module reachable from `entry` through value imports (type-only imports are erased). */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const src = readFileSync(entry, "utf8");
  for (const m of src.matchAll(/^(?:import|export) (?!type\s)[^;]*?from "([^"]+)"/gm)) {
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

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

const clientModules = [...files(path.join(root, "app")), ...files(path.join(root, "components"))].filter(
  (f) => readFileSync(f, "utf8").startsWith('"use client"'),
);

describe("client bundles", () => {
  it("has client modules to check", () => expect(clientModules.length).toBeGreaterThan(20));

  // e.g. a form importing a zod schema module that imports the drizzle table for its enum.
  it("no 'use client' module pulls drizzle, pg or node built-ins into the browser", () => {
    const leaks = clientModules.flatMap((f) =>
      [...reachable(f)].filter((m) => SERVER_ONLY.test(m)).map((m) => `${path.relative(root, f)} → ${m}`),
    );
    expect(leaks).toEqual([]);
  });

  it("the check would notice a leak", () => {
    const dto = path.join(root, "server/contacts/contact-dto.ts");
    expect([...reachable(dto)].some((m) => SERVER_ONLY.test(m))).toBe(true);
  });
});
