/**
 * bench:api — signed-in load on `next start` (production build) with 20,000 contacts and
 * 500,000 interactions for one user plus 50 other users' data. autocannon at concurrency
 * 1, 10 and 50 against contacts list, search, contact timeline, dashboard and today; baselines in the
 * same build and server: a bare route handler (/api/v1/bench-bare, bench build only) and
 * /api/v1/health through the full stack (proxy, headers, guards, request id, logging).
 *   npm run bench:api -- [--scale 1] [--seconds 5] [--reuse-build] [--json out.json]
 * See bench/lib/bench-build.ts for the two bench-only changes in that build.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type DbHandle } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { TestClient } from "../tests/http/client";
import { ensureBenchBuild } from "./lib/bench-build";
import { startBenchServer, type BenchServer } from "./lib/bench-server";
import { load, type LoadResult } from "./lib/load";
import { benchMode, report, type Row } from "./lib/report";
import { analyzeCrm, seedCrm } from "./lib/seed-crm";
import { seedFollowups } from "./lib/seed-followups";
import { flag, loadAvg, numArg, scaled } from "./lib/setup";

const CONTACTS = scaled(20_000, 200);
const INTERACTIONS = scaled(500_000, 5_000);
const OTHERS = 50;
const SECONDS = numArg("seconds", 5);
const CONCURRENCY = [1, 10, 50];
const log = (s: string) => process.stderr.write(`[bench:api] ${s}\n`);

async function signUp(url: string): Promise<TestClient & { userId: string }> {
  const c = new TestClient(url);
  const email = `bench-${Math.random().toString(36).slice(2)}@bench.local`;
  const r = await c.post<{ data: { user: { id: string } } }>("/api/v1/auth/sign-up", {
    email,
    password: "correct horse battery",
  });
  if (r.status !== 200) throw new Error(`sign-up failed: ${r.status} ${r.text}`);
  return Object.assign(c, { userId: r.json.data.user.id });
}

async function openDb(dataDir: string): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  const h = url ? await openPostgres(url, 4, 3_600_000) : await openPglite(path.join(dataDir, "pglite"));
  await migrate(h.db);
  return h;
}

async function main(): Promise<void> {
  const appDir = ensureBenchBuild(log, flag("reuse-build"));
  const dataDir = mkdtempSync(path.join(tmpdir(), "omnicrm-bench-api-"));
  const notes = [`${await loadAvg()} at start`];
  if (process.env.DATABASE_URL) await (await openDb(dataDir)).close(); // the server does not migrate Postgres
  let server: BenchServer = await startBenchServer(appDir, dataDir);
  const main = await signUp(server.url);
  const others = [];
  for (let i = 0; i < OTHERS; i++) others.push(await signUp(server.url));
  // PGlite is single-process: seed with the server stopped (sessions live in the database).
  await server.stop();
  const h = await openDb(dataDir);
  const t0 = performance.now();
  await seedCrm(h, main.userId, { contacts: CONTACTS, interactions: INTERACTIONS, analyze: false });
  for (const o of others)
    await seedCrm(h, o.userId, {
      contacts: Math.round(CONTACTS / 50),
      interactions: Math.round(INTERACTIONS / 50),
      analyze: false,
    });
  await seedFollowups(h, main.userId, CONTACTS);
  await analyzeCrm(h);
  notes.push(
    `seeded ${CONTACTS} contacts + ${INTERACTIONS} interactions (+ ${OTHERS} users × ${Math.round(CONTACTS / 50)}/${Math.round(INTERACTIONS / 50)}) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  const contact = await h.db.execute<{ id: string }>(
    sql`SELECT contact_id AS id FROM interaction_contacts WHERE user_id = ${main.userId} GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1`,
  );
  await h.close();
  server = await startBenchServer(appDir, dataDir);
  const cookie = [...main.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const headers = { cookie, "x-forwarded-for": main.ip };
  const routes: [string, string][] = [
    ["bare route (baseline)", "/api/v1/bench-bare"],
    ["health (full stack)", "/api/v1/health"],
    ["contacts list", "/api/v1/contacts?limit=50"],
    ["search", "/api/v1/search?q=yoga&limit=20"],
    ["contact timeline", `/api/v1/contacts/${contact.rows[0]!.id}/timeline`],
    ["dashboard", "/api/v1/dashboard"],
    ["today", "/api/v1/today"],
  ];
  for (const [, p] of routes) {
    const r = await fetch(server.url + p, { headers });
    if (r.status !== 200) throw new Error(`${p}: ${r.status} ${(await r.text()).slice(0, 300)}`);
    await load(server.url + p, 10, 1, headers); // warm-up (JIT, caches, pools)
  }
  const res = new Map<string, LoadResult>();
  const rows: Row[] = [];
  for (const c of CONCURRENCY)
    for (const [name, p] of routes) {
      const r = await load(server.url + p, c, SECONDS, headers);
      res.set(`${name}@${c}`, r);
      const base = res.get(`bare route (baseline)@${c}`)!;
      rows.push({
        endpoint: name,
        conc: c,
        reqPerS: r.rps,
        p50Ms: r.p50,
        p95Ms: r.p95,
        p99Ms: r.p99,
        errors: r.errors,
        xBare: r.rps / base.rps,
      });
    }
  const webRss = await server.peakRssMb();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const g = (n: string, c: number) => res.get(`${n}@${c}`)!;
  const bars = [
    ...["contacts list", "contact timeline"].map((n) => ({
      name: `${n} p95 ms @1`,
      value: g(n, 1).p95,
      bar: "< 15",
      pass: g(n, 1).p95 < 15,
    })),
    { name: "search p95 ms @1", value: g("search", 1).p95, bar: "< 40", pass: g("search", 1).p95 < 40 },
    { name: "today p95 ms @1", value: g("today", 1).p95, bar: "<= 30", pass: g("today", 1).p95 <= 30 },
    ...["contacts list", "search", "contact timeline", "dashboard"].map((n) => {
      const x = g(n, 50).rps / g("bare route (baseline)", 50).rps;
      return {
        name: `${n} req/s ÷ bare @50 (errors ${g(n, 50).errors})`,
        value: x,
        bar: ">= 0.5, 0 errors",
        pass: x >= 0.5 && g(n, 50).errors === 0,
      };
    }),
    (() => {
      const x = g("health (full stack)", 50).rps / g("bare route (baseline)", 50).rps;
      return { name: "health (full stack) ÷ bare @50", value: x, bar: ">= 0.8", pass: x >= 0.8 };
    })(),
  ];
  notes.push(`${SECONDS} s per run after a 1 s warm-up; web (next start) peak RSS ${webRss} MB`);
  notes.push(
    "bare route = bench-only handler returning JSON with no wrapper; it still passes through src/proxy.ts",
  );
  notes.push(`${await loadAvg()} at end`);
  report({ bench: "api", mode: benchMode(), rows, bars, notes });
  process.exit(0);
}

void main();
