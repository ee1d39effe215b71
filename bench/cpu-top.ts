/**
 * Top self-time items of V8 CPU profiles (bench:api --cpu-prof DIR writes them):
 *   npx tsx bench/cpu-top.ts DIR [--top 15]
 * Prints the heaviest functions and the same time grouped by package (node_modules/<pkg>,
 * app code, node internals), as shares of the profiled CPU time excluding idle.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { numArg } from "./lib/setup";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[] };

function where(url: string): string {
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/.next/server/")) {
    // Turbopack chunk names carry the package they bundle: …_0m75_luxon_build_…._.js.
    const base = path.basename(url);
    if (/_src_|src_app|app_api/.test(base)) return "app code (bundled)";
    const m = /^(?:\[[^\]]*\]_+)?[0-9a-z]{4}_((?:@[^_]+_)?[a-z0-9.-]+)_/.exec(base);
    return m ? `${m[1]} (bundled)` : "app bundle (other chunks)";
  }
  return url ? "other" : "(native/V8)";
}

const dir = process.argv[2];
if (!dir) throw new Error("usage: tsx bench/cpu-top.ts DIR");
const fns = new Map<string, number>();
const pkgs = new Map<string, number>();
let total = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith(".cpuprofile"))) {
  const p = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Profile;
  const per = (p.endTime - p.startTime) / 1000 / Math.max(1, p.samples.length); // ms per sample
  for (const n of p.nodes) {
    const ms = (n.hitCount ?? 0) * per;
    const name = n.callFrame.functionName || "(anonymous)";
    if (name === "(idle)" || ms === 0) continue;
    total += ms;
    const key = `${name}  ${path.basename(n.callFrame.url) || ""}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ""}`;
    fns.set(key, (fns.get(key) ?? 0) + ms);
    const pk = name.startsWith("(") ? name : where(n.callFrame.url);
    pkgs.set(pk, (pkgs.get(pk) ?? 0) + ms);
  }
}
const top = numArg("top", 15);
const pct = (ms: number) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
process.stdout.write(`busy CPU ${(total / 1000).toFixed(1)} s (idle excluded)\n\nby package:\n`);
for (const [k, v] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`  ${pct(v)}  ${k}\n`);
process.stdout.write(`\nby function (self time):\n`);
for (const [k, v] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`  ${pct(v)}  ${k}\n`);
