/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement GET /api/v1/today runs, for the user
 * bench:api seeded (run bench:api once with DATABASE_URL, then this with the same URL):
 *   DATABASE_URL=… npx tsx bench/explain-today.ts [--only due] [--runs 20]
 * Then times getToday itself (--runs calls, p50/p95), in-process: no HTTP, no session.
 */
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { openPostgres, pgPoolOf } from "../src/server/db/client";
import { withUser, type Tx } from "../src/server/db/with-user";
import { rootLog } from "../src/server/log";
import { getToday } from "../src/server/today/get-today";
import { readSeedState } from "./lib/reuse";
import { arg, loadAvg, numArg } from "./lib/setup";
import { percentile } from "./lib/stats";

const dialect = new PgDialect();

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required (the data bench:api seeded)");
  const state = await readSeedState(20_000, 500_000);
  if (!state) throw new Error("no seeded bench:api dataset for this DATABASE_URL");
  const h = await openPostgres(url, 2);
  const u = await h.db.execute<{ id: string }>(sql`SELECT id FROM auth_users WHERE email = ${state.email}`);
  const ctx = { db: h.db, userId: u.rows[0]!.id, log: rootLog() };
  const only = arg("only", "");
  // Every statement getToday sends, explained inside the same kind of transaction.
  await withUser(ctx, async (tx) => {
    const execute = tx.execute.bind(tx) as (q: SQL) => Promise<{ rows: Record<string, unknown>[] }>;
    (tx as unknown as { execute: unknown }).execute = async (q: SQL) => {
      const text = dialect.sqlToQuery(q).sql;
      if (!only || text.includes(only === "due" ? "DISTINCT ON (id)" : only)) {
        const plan = await execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`);
        process.stdout.write(`\n--- ${text.replace(/\s+/g, " ").slice(0, 160)}…\n`);
        for (const r of plan.rows) process.stdout.write(`${Object.values(r)[0] as string}\n`);
      }
      return execute(q);
    };
    await getToday({ ...ctx, tx: tx as Tx });
  }).catch((e: unknown) => process.stdout.write(`(explain pass ended: ${String(e)})\n`));
  // Client-side time per statement over the timed runs: where a request's time goes.
  const per = new Map<string, { n: number; ms: number }>();
  const pool = pgPoolOf(h.db)!;
  pool.on("acquire", (c: { query: (...a: unknown[]) => Promise<unknown> }) => {
    const orig = Object.getPrototypeOf(c).query as (...a: unknown[]) => Promise<unknown>;
    c.query = async function (this: unknown, ...a: unknown[]) {
      const q = a[0] as string | { text: string };
      const key = (typeof q === "string" ? q : q.text).replace(/\s+/g, " ").trim().slice(0, 90);
      const t = performance.now();
      try {
        return await orig.apply(this, a);
      } finally {
        const e = per.get(key) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        per.set(key, e);
      }
    };
  });
  const ms: number[] = [];
  for (let i = 0; i < numArg("runs", 20); i++) {
    const t = performance.now();
    await getToday(ctx);
    ms.push(performance.now() - t);
  }
  process.stdout.write("\nper statement (mean ms per request, client side):\n");
  for (const [k, v] of [...per].sort((a, b) => b[1].ms - a[1].ms))
    process.stdout.write(`  ${(v.ms / ms.length).toFixed(1).padStart(6)}  ×${v.n / ms.length}  ${k}\n`);
  process.stdout.write(
    `\ngetToday in-process: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms (${ms.length} runs; ${await loadAvg()})\n`,
  );
  await h.close();
}

void main();
