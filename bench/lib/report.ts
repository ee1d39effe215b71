import { writeFileSync } from "node:fs";

export type Row = Record<string, string | number | boolean | null>;
export type BenchResult = {
  bench: string;
  mode: { db: "pglite" | "postgres"; queue: "embedded" | "bullmq" };
  rows: Row[];
  bars: { name: string; value: number; bar: string; pass: boolean }[];
  notes: string[];
};

/**
 * Prints a result table and the bars it was judged against; writes JSON with --json FILE.
 * Machines here are shared and noisy: ratios measured in one run are the figures to trust.
 */
export function report(result: BenchResult, argv = process.argv): void {
  const out = process.stdout;
  out.write(`\n## ${result.bench}  (db: ${result.mode.db}, queue: ${result.mode.queue})\n\n`);
  if (result.rows.length) {
    const cols = Object.keys(result.rows[0]!);
    const cell = (v: unknown) => (typeof v === "number" ? fmt(v) : String(v ?? ""));
    const widths = cols.map((c) => Math.max(c.length, ...result.rows.map((r) => cell(r[c]).length)));
    const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i]!)).join(" | ")} |\n`;
    out.write(line(cols));
    out.write(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n`);
    for (const r of result.rows) out.write(line(cols.map((c) => cell(r[c]))));
  }
  if (result.bars.length) {
    out.write("\nBars:\n");
    for (const b of result.bars)
      out.write(`  ${b.pass ? "PASS" : "MISS"}  ${b.name}: ${fmt(b.value)} (bar ${b.bar})\n`);
  }
  for (const n of result.notes) out.write(`  note: ${n}\n`);
  const i = argv.indexOf("--json");
  if (i >= 0 && argv[i + 1]) writeFileSync(argv[i + 1]!, JSON.stringify(result, null, 2));
}

function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}

export function benchMode(): BenchResult["mode"] {
  return {
    db: process.env.DATABASE_URL ? "postgres" : "pglite",
    queue: process.env.REDIS_URL ? "bullmq" : "embedded",
  };
}
