import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorAppEnv } from "../../tools/google-emulator/app-env";
import { startGoogleEmulator, type Emulator } from "../../tools/google-emulator/server";
import { ROOT, ensureBuilt } from "../http/build";
import type { TestClient } from "../http/client";
import {
  approveImports,
  connectedUser,
  differences,
  jobCounts,
  judge,
  snapshot,
  waitImported,
  type Query,
  type Snapshot,
} from "./import";
import { startNpmStart, startWeb, startWorker, tail, waitReady, type AppProcess } from "./processes";
import { freePort, startPostgres, startRedis, type PgInstance, type RedisInstance } from "./services";

/**
 * Chaos: the app in its scaled-out shape (`next start` web + `npm run worker`) on a private
 * Postgres cluster and redis-server that this file starts and kills, plus `npm start` in
 * embedded mode, each faulted two seconds into a real Gmail + Calendar import through the
 * Google emulator. Every run must end with exactly the contacts, interactions and links of
 * an undisturbed run, no dead jobs, and /api/v1/ready back to 200.
 *
 * Runs with CHAOS_TESTS=1 (`npm run test:chaos`) and fails there — never skips — when initdb
 * or redis-server is missing. The embedded `npm test` skips it: it needs those binaries and takes minutes.
 */
// Out of CI for now (CHAOS_TESTS=1 / npm run test:chaos only): on a quiet machine the import
// now finishes in under 2 s, before the fault lands, so three faults fail their precondition.
const enabled = process.env.CHAOS_TESTS === "1";
/** `npm run test:chaos`: also the slow faults CI leaves out (see docs/ops/failure-modes.md). */
const full = process.env.CHAOS_FULL === "1";
const CLEAN = {
  contacts: { lost: 0, duplicated: 0 },
  interactions: { lost: 0, duplicated: 0 },
  links: { lost: 0, duplicated: 0 },
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Result = {
  fault: string;
  recoveryS: number;
  readyS: number;
  lost: number;
  duplicated: number;
  /** Links the undisturbed run lacks only because the imports finished in another order. */
  reordered: number;
  /** Job attempts that failed and were retried, with why (from the worker's log). */
  retries: string;
};

describe.skipIf(!enabled)("faults survived (chaos, private Postgres + Redis)", () => {
  let pg: PgInstance;
  let redis: RedisInstance;
  let emu: Emulator;
  let distDir: string;
  let pool: Pool;
  let q: Query;
  let web: AppProcess;
  let worker: AppProcess;
  let webUrl: string;
  let env: Record<string, string>;
  let baseline: Snapshot;
  /** The baseline user's data once every interaction is re-linked (see judge()). */
  let complete: Snapshot;
  const results: Result[] = [];
  let openPg: typeof import("../../src/server/db/client").openPostgres;
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), "omnicrm-chaos-data-"));

  const appEnv = (url: string, db: string, redisUrl: string): Record<string, string> => ({
    ...emulatorAppEnv(emu),
    ...secrets,
    GOOGLE_REDIRECT_URI: `${url}/api/v1/google/oauth/callback`,
    GOOGLE_QUOTA_UNITS_PER_MINUTE: "1000000",
    APP_URL: url,
    DATABASE_URL: db,
    TEST_DATABASE_URL: "",
    REDIS_URL: redisUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    LOG_PRETTY: "",
    TRUST_PROXY: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    // One job per user at a time: while the Gmail import runs, the Calendar one waits in
    // Redis (a delayed message), which is what a Redis data loss must not strand.
    JOBS_PER_USER_CONCURRENCY: "1",
  });

  beforeAll(async () => {
    distDir = await ensureBuilt();
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    pool = new Pool({ connectionString: pg.url, max: 2 });
    pool.on("error", () => undefined); // the tests restart this server on purpose
    q = async (sql, params) => (await pool.query(sql, params)).rows as Record<string, unknown>[];
    const { openPostgres } = await import("../../src/server/db/client");
    openPg = openPostgres;
    const { migrate } = await import("../../src/server/db/migrate");
    const h = await openPostgres(pg.url, 1);
    await migrate(h.db);
    await h.close();
    emu = await startGoogleEmulator({ seed: 7 });
    // Slow enough that a fault two seconds in lands in the middle of the import.
    emu.control.setFault({ kind: "slow", delayMs: 40 });
    const port = await freePort();
    webUrl = `http://127.0.0.1:${port}`;
    env = appEnv(webUrl, pg.url, redis.url);
    web = startWeb(distDir, port, env);
    worker = startWorker(env);
    await waitReady(webUrl, 180_000, web);
    await worker.waitForLog((l) => l.msg === "bullmq workers started");
    // The undisturbed run every faulted run must match.
    const c = await connectedUser(webUrl, emu);
    const t0 = Date.now();
    await approveImports(c);
    await waitImported(q, c.userId);
    baseline = await snapshot(q, c.userId);
    const { relinkInteractionContacts } = await import("../../src/server/sync/relink-interaction-contacts");
    const { rootLog } = await import("../../src/server/log");
    const rh = await openPg(pg.url, 1);
    await relinkInteractionContacts({ db: rh.db, userId: c.userId, log: rootLog() }, {});
    await rh.close();
    complete = await snapshot(q, c.userId);
    console.info(`chaos baseline: import ${((Date.now() - t0) / 1000).toFixed(1)} s`, baseline.counts);
  }, 900_000);

  afterAll(async () => {
    if (results.length) console.table(results);
    await Promise.allSettled([web?.stop(), worker?.stop()]);
    await pool?.end().catch(() => undefined);
    await emu?.close();
    pg?.destroy();
    await redis?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("the baseline import created contacts and links", () => {
    expect(baseline.counts.contacts).toBeGreaterThan(5);
    expect(baseline.counts.links).toBeGreaterThan(baseline.counts.contacts);
    expect(baseline.counts.deadJobs).toBe(0);
  });

  /**
   * One fault during an import: approve, wait 2 s, `fault` (returns when the component is
   * back), then the import must finish with the baseline's data and the app be ready.
   */
  async function during(name: string, fault: (c: TestClient) => Promise<void>): Promise<void> {
    const c = await connectedUser(webUrl, emu);
    const w = worker;
    const mark = w.logs().length;
    await approveImports(c);
    await sleep(2000);
    const before = await jobCounts(q, c.userId);
    expect(before.open, "the fault must land while the import is running").toBeGreaterThan(0);
    await fault(c);
    const back = Date.now();
    const readyS = (await waitReady(webUrl)) / 1000;
    const doneAt = await waitImported(q, c.userId, 180_000);
    const got = await snapshot(q, c.userId);
    const { diff, reordered } = judge(baseline, complete, got);
    const lost = diff.contacts.lost + diff.interactions.lost + diff.links.lost;
    const duplicated = diff.contacts.duplicated + diff.interactions.duplicated + diff.links.duplicated;
    const retries = [...w.logs().slice(mark), ...(worker === w ? [] : worker.logs())]
      .filter((l) => l.msg === "job failed; retrying")
      .map((l) => String((l.err as { message?: string } | undefined)?.message).slice(0, 60));
    results.push({
      fault: name,
      recoveryS: (doneAt - back) / 1000,
      readyS,
      lost,
      duplicated,
      reordered,
      retries: retries.join(" | "),
    });
    for (const p of [web, worker]) {
      expect(p.exitCode(), `${p.name} must survive:\n${tail(p.logs())}`).toBeNull();
      expect(p.logs().some((l) => String(l.msg).includes("Unhandled error event"))).toBe(false);
    }
    expect(diff, JSON.stringify(differences(baseline, got))).toEqual(CLEAN);
    expect(got.counts.deadJobs).toBe(0);
    expect(doneAt - back).toBeLessThan(180_000);
  }

  it("Postgres immediate shutdown, back 3 s later: 503 + Retry-After meanwhile, nothing lost", async () => {
    await during("postgres immediate restart", async (c) => {
      pg.stopImmediate();
      const r = await c.get("/api/v1/contacts");
      expect(r.status).toBe(503);
      expect(r.json).toMatchObject({ ok: false, error: "service_unavailable" });
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await fetch(`${webUrl}/api/v1/ready`)).status).toBe(503);
      await sleep(3000);
      pg.start();
    });
  }, 300_000);

  it("Redis SIGKILL, restarted from its AOF", async () => {
    await during("redis SIGKILL, restart with AOF", async () => {
      await redis.kill();
      await sleep(2000);
      await redis.start();
    });
  }, 300_000);

  it("Redis SIGKILL, restarted empty: schedulers re-registered, unfinished jobs re-sent", async () => {
    await during("redis SIGKILL, restart empty", async () => {
      await redis.kill();
      await sleep(2000);
      await redis.start({ wipe: true });
    });
    expect(worker.logs().some((l) => l.msg === "unfinished jobs re-sent to Redis from the jobs table")).toBe(
      true,
    );
  }, 300_000);

  it("worker SIGKILL, a new worker started", async () => {
    await during("worker SIGKILL", async () => {
      await worker.kill();
      worker = startWorker(env);
      await worker.waitForLog((l) => l.msg === "bullmq workers started");
    });
  }, 300_000);

  it("web SIGKILL during requests, web restarted", async () => {
    await during("web SIGKILL during requests", async (c) => {
      const inFlight = Array.from({ length: 10 }, () => c.get("/api/v1/contacts").catch(() => null));
      await sleep(50);
      await web.kill();
      await Promise.all(inFlight);
      web = startWeb(distDir, Number(new URL(webUrl).port), env);
      await waitReady(webUrl);
    });
  }, 300_000);

  // Minutes on a busy machine (two `npm start` boots): in the full suite only. CI covers the
  // same recovery in-process (jobs/embedded.int.test.ts "resumes after a crash").
  it.runIf(full)(
    "npm start (embedded) SIGKILL: the restart picks up queued and running jobs",
    async () => {
      await Promise.all([web.stop(), worker.stop()]);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const embeddedDir = mkdtempSync(path.join(tmpdir(), "omnicrm-chaos-embedded-"));
      const eEnv = { ...appEnv(url, "", ""), DATA_DIR: embeddedDir };
      // ensureBuilt() just checked this build is of the current sources; say so in the way
      // `npm start` checks (BUILD_ID newer than the sources), so it serves it instead of rebuilding.
      const fresh = () => {
        const now = new Date();
        utimesSync(path.join(ROOT, distDir, "BUILD_ID"), now, now);
      };
      fresh();
      let app = startNpmStart(distDir, port, eEnv);
      try {
        await waitReady(url, 180_000, app);
        webUrl = url; // connectedUser/approve go to this app now
        const c = await connectedUser(url, emu);
        await approveImports(c);
        await sleep(2000);
        const running = await c.get<{ data: { items: unknown[] } }>(
          "/api/v1/jobs?status=queued,running,error",
        );
        expect(
          running.json.data.items.length,
          "the kill must land while the import is running",
        ).toBeGreaterThan(0);
        await app.kill();
        fresh();
        app = startNpmStart(distDir, port, eEnv);
        const back = Date.now();
        const readyS = (await waitReady(url, 180_000, app)) / 1000;
        // The embedded database is open in the server: watch the jobs through the API.
        const deadline = Date.now() + 180_000;
        for (;;) {
          const open = await c.get<{ data: { items: unknown[] } }>(
            "/api/v1/jobs?status=queued,running,error",
          );
          const done = await c.get<{ data: { items: unknown[] } }>("/api/v1/jobs?status=done");
          if (open.status === 200 && open.json.data.items.length === 0 && done.json.data.items.length >= 2)
            break;
          if (Date.now() > deadline) throw new Error("embedded import not finished after restart");
          await sleep(3000);
        }
        const doneAt = Date.now();
        await app.stop();
        const { openPglite } = await import("../../src/server/db/client");
        const h = await openPglite(path.join(embeddedDir, "pglite"));
        try {
          const eq: Query = async (sql, params) =>
            (
              await (
                h.db as unknown as {
                  $client: {
                    query: (s: string, p: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
                  };
                }
              ).$client.query(sql, params)
            ).rows;
          const counts = await jobCounts(eq, c.userId);
          expect(counts).toMatchObject({ open: 0, dead: 0, batches: 0 });
          const got = await snapshot(eq, c.userId);
          const { diff, reordered } = judge(baseline, complete, got);
          results.push({
            fault: "npm start (embedded) SIGKILL",
            recoveryS: (doneAt - back) / 1000,
            readyS,
            lost: diff.contacts.lost + diff.interactions.lost + diff.links.lost,
            duplicated: diff.contacts.duplicated + diff.interactions.duplicated + diff.links.duplicated,
            reordered,
            retries: "",
          });
          expect(diff, JSON.stringify(differences(baseline, got))).toEqual(CLEAN);
        } finally {
          await h.close();
        }
      } finally {
        await app.stop();
        rmSync(embeddedDir, { recursive: true, force: true });
      }
    },
    600_000,
  );
});
