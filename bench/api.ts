/**
 * bench:api — signed-in load on `next start` (production build) with 20,000 contacts and
 * 500,000 interactions for one user plus 50 other users' data. autocannon at concurrency
 * 1, 10 and 50 against contacts list, search, contact timeline, dashboard and today; baselines in the
 * same build and server: a bare route handler (/api/v1/bench-bare, bench build only) and
 * /api/v1/health through the full stack (proxy, headers, guards, request id, logging).
 *   npm run bench:api -- [--scale 1] [--seconds 5] [--reuse-build] [--reuse-data] [--conc 1,10,50] [--only a,b] [--json out.json]
 * Pages: each page's first-paint API calls (read from headless chromium; --no-pages skips)
 * are fired together, one page at a time, and timed to the last answer.
 * --cpu-prof DIR: the measured server runs with node --cpu-prof (summarise: bench/lib/cpu-top.ts).
 * --reuse-data (real Postgres only): seed once, then later runs sign the same user in again and
 * measure the data already in DATABASE_URL (see bench/lib/reuse.ts); seeding takes minutes.
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
import { load, loadPage, type LoadResult } from "./lib/load";
import { discoverPageCalls, PAGES } from "./lib/page-calls";
import { benchMode, report, type Row } from "./lib/report";
import { analyzeCrm, seedCrm } from "./lib/seed-crm";
import { seedFollowups } from "./lib/seed-followups";
import { readSeedState, writeSeedState } from "./lib/reuse";
import { arg, flag, loadAvg, numArg, scaled } from "./lib/setup";

const CONTACTS = scaled(20_000, 200);
const INTERACTIONS = scaled(500_000, 5_000);
const OTHERS = 50;
const SECONDS = numArg("seconds", 5);
const CONCURRENCY = arg("conc", "1,10,50").split(",").map(Number);
const PASSWORD = "correct horse battery";
type Bar = { name: string; value: number; bar: string; pass: boolean };
const P95_GOALS: [string, number][] = [
  ["contacts list", 6],
  ["contact timeline", 5],
  ["dashboard", 6],
  ["search", 15],
  ["today", 30],
];
const RATIO_GOALS: [string, number][] = [
  ["contacts list", 0.5],
  ["contact timeline", 0.5],
  ["dashboard", 0.5],
  ["search", 0.25],
  ["health (full stack)", 0.9],
];
const log = (s: string) => process.stderr.write(`[bench:api] ${s}\n`);

type Client = TestClient & { userId: string; email: string };

async function signUp(
  url: string,
  email = `bench-${Math.random().toString(36).slice(2)}@bench.local`,
): Promise<Client> {
  const c = new TestClient(url);
  const r = await c.post<{ data: { user: { id: string } } }>("/api/v1/auth/sign-up", {
    email,
    password: PASSWORD,
  });
  if (r.status !== 200) throw new Error(`sign-up failed: ${r.status} ${r.text}`);
  return Object.assign(c, { userId: r.json.data.user.id, email });
}

async function signIn(url: string, email: string): Promise<Client> {
  const c = new TestClient(url);
  const r = await c.post<{ data: { user: { id: string } } }>("/api/v1/auth/sign-in", {
    email,
    password: PASSWORD,
  });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${r.text}`);
  return Object.assign(c, { userId: r.json.data.user.id, email });
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
  const reuse =
    flag("reuse-data") && process.env.DATABASE_URL ? await readSeedState(CONTACTS, INTERACTIONS) : null;
  let main: Client;
  let contactId: string;
  log(`server up at ${server.url}`);
  if (reuse) {
    main = await signIn(server.url, reuse.email);
    contactId = reuse.contactId;
    notes.push(`reused the data seeded ${reuse.seededAt} (--reuse-data)`);
  } else {
    main = await signUp(server.url);
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
    contactId = contact.rows[0]!.id;
    await h.close();
    if (process.env.DATABASE_URL)
      await writeSeedState({ email: main.email, contactId, contacts: CONTACTS, interactions: INTERACTIONS });
    server = await startBenchServer(appDir, dataDir);
  }
  if (arg("cpu-prof", "")) {
    // Profile the measured server: restart it with --cpu-prof (written when it exits).
    await server.stop();
    server = await startBenchServer(appDir, dataDir, { cpuProfDir: path.resolve(arg("cpu-prof", "")) });
  }
  const cookie = [...main.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const headers = { cookie, "x-forwarded-for": main.ip };
  const routes: [string, string][] = [
    ["bare route (baseline)", "/api/v1/bench-bare"],
    ["health (full stack)", "/api/v1/health"],
    ["contacts list", "/api/v1/contacts?limit=50"],
    ["search", "/api/v1/search?q=yoga&limit=20"],
    ["contact timeline", `/api/v1/contacts/${contactId}/timeline`],
    ["dashboard", "/api/v1/dashboard"],
    ["today", "/api/v1/today"],
  ];
  const only = arg("only", "");
  if (only) {
    const keep = new Set(["bare route (baseline)", ...only.split(",")]);
    routes.splice(0, routes.length, ...routes.filter(([n]) => keep.has(n)));
  }
  for (const [, p] of routes) {
    const r = await fetch(server.url + p, { headers });
    if (r.status !== 200) throw new Error(`${p}: ${r.status} ${(await r.text()).slice(0, 300)}`);
    await load(server.url + p, 10, 1, headers); // warm-up (JIT, caches, pools)
  }
  // Round trips per request, sequential (so nothing else is counted): SQL statements sent
  // (pg Client#query calls; a multi-statement batch is one) and Redis commands, minus what
  // the idle server sends in the same time (schedulers, pollers).
  const trips: string[] = [];
  const count = async (fn: () => Promise<unknown>) => {
    await fetch(server.url + "/api/v1/bench-trips");
    const t = performance.now();
    await fn();
    const busy = (await (await fetch(server.url + "/api/v1/bench-trips")).json()) as {
      sql: number;
      redis: number;
    };
    await new Promise((r) => setTimeout(r, performance.now() - t));
    const idle = (await (await fetch(server.url + "/api/v1/bench-trips")).json()) as {
      sql: number;
      redis: number;
    };
    return { sql: Math.max(0, busy.sql - idle.sql), redis: Math.max(0, busy.redis - idle.redis) };
  };
  log("counting round trips");
  const N = 10;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  for (const [name, p] of routes.slice(1)) {
    const c = await count(async () => {
      for (let i = 0; i < N; i++) await (await fetch(server.url + p, { headers })).arrayBuffer();
    });
    trips.push(`${name} ${r1(c.sql / N)} SQL + ${r1(c.redis / N)} Redis`);
  }
  notes.push(`round trips per request (sequential, idle background subtracted): ${trips.join("; ")}`);
  // Each page's first-paint API calls, as a browser sends them (all at once), measured as
  // one unit: the time until the last answer.
  log("reading each page's first-paint API calls (headless chromium)");
  const pageCalls = flag("no-pages")
    ? new Map<string, string[]>()
    : await discoverPageCalls(
        server.url,
        main.cookies,
        PAGES.map(([n, p]) => [n, p.replace(":contact", contactId)]),
      );
  for (const [name, calls] of pageCalls) {
    const c = await count(() =>
      Promise.all(calls.map(async (u) => (await fetch(server.url + u, { headers })).arrayBuffer())),
    );
    notes.push(
      `${name}: ${calls.length} API calls (${calls.join(", ")}); ${c.sql} SQL + ${c.redis} Redis per page`,
    );
  }
  log("measuring");
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
  const bare1 = res.get("bare route (baseline)@1");
  for (const [name, calls] of pageCalls) {
    const r = await loadPage(server.url, calls, SECONDS, headers);
    rows.push({
      endpoint: `${name} (${calls.length} calls)`,
      conc: 1,
      reqPerS: r.rps,
      p50Ms: r.p50,
      p95Ms: r.p95,
      p99Ms: r.p99,
      errors: r.errors,
      xBare: bare1 ? r.rps / bare1.rps : 0,
    });
  }
  const webRss = await server.peakRssMb();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const g = (n: string, c: number) => res.get(`${n}@${c}`);
  // Issue #15's goals (p95 at concurrency 1; req/s ÷ the bare route at 50) and #17's Today bar.
  // A bar whose endpoint or concurrency was not run (--only, --conc) is left out.
  const bars: Bar[] = [];
  for (const [n, ms] of P95_GOALS) {
    const r = g(n, 1);
    if (r) bars.push({ name: `${n} p95 ms @1`, value: r.p95, bar: `<= ${ms}`, pass: r.p95 <= ms });
  }
  const bare50 = g("bare route (baseline)", 50);
  for (const [n, min] of RATIO_GOALS) {
    const r = g(n, 50);
    if (!r || !bare50) continue;
    const x = r.rps / bare50.rps;
    bars.push({
      name: `${n} req/s ÷ bare @50 (errors ${r.errors})`,
      value: x,
      bar: `>= ${min}, 0 errors`,
      pass: x >= min && r.errors === 0,
    });
  }
  notes.push(`${SECONDS} s per run after a 1 s warm-up; web (next start) peak RSS ${webRss} MB`);
  notes.push(
    "bare route = bench-only handler returning JSON with no wrapper; it still passes through src/proxy.ts",
  );
  notes.push(`${await loadAvg()} at end`);
  report({ bench: "api", mode: benchMode(), rows, bars, notes });
  process.exit(0);
}

void main();
