import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../tools/google-emulator/server";
import { ensureBuilt } from "../http/build";
import type { TestClient } from "../http/client";
import { chaosAppEnv, chaosEnabled, CLEAN, measure, sleep, startChaosEmulator, type Result } from "./harness";
import {
  approveImports,
  batchesOf,
  compare,
  connectedUser,
  differences,
  GMAIL_PAGE,
  lastFinished,
  snapshot,
  waitFirstChunk,
  waitImported,
  type Query,
  type Snapshot,
} from "./import";
import { startWeb, startWorker, tail, waitReady, type AppProcess } from "./processes";
import {
  freePort,
  postgresBinDir,
  redisServerBin,
  startPostgres,
  startRedis,
  type PgInstance,
  type RedisInstance,
} from "./services";

/**
 * Chaos, scaled-out shape: `next start` web + `npm run worker` on a private Postgres cluster
 * and redis-server that this file starts and kills, each fault during a real Gmail +
 * Calendar import through the Google emulator, at a fixed point: the Gmail import's first
 * chunk committed, its second page and the whole Calendar import still to come. Every run
 * must end with exactly the contacts, interactions and links of an undisturbed run, no dead
 * jobs, the import finished within 3 minutes of the component coming back, and
 * /api/v1/ready back to 200. (`npm start` in embedded mode: embedded-crash.int.test.ts.)
 */
describe.skipIf(!chaosEnabled)("faults survived (chaos, private Postgres + Redis)", () => {
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
  const results: Result[] = [];
  let openPg: typeof import("../../src/server/db/client").openPostgres;
  const dataDir = mkdtempSync(path.join(tmpdir(), "omnicrm-chaos-data-"));
  let relinked: Snapshot;

  beforeAll(async () => {
    // Missing binaries fail the suite at once (CI must not pass without it).
    postgresBinDir();
    redisServerBin();
    distDir = await ensureBuilt();
    const t00 = Date.now();
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
    emu = await startChaosEmulator();
    const port = await freePort();
    webUrl = `http://127.0.0.1:${port}`;
    env = chaosAppEnv(emu, { url: webUrl, db: pg.url, redisUrl: redis.url, dataDir });
    web = startWeb(distDir, port, env);
    worker = startWorker(env);
    await waitReady(webUrl, 180_000, web);
    await worker.waitForLog((l) => l.msg === "bullmq workers started");
    // The undisturbed run every faulted run must match.
    const c = await connectedUser(webUrl, emu);
    const t0 = Date.now();
    await approveImports(c, batchesOf(q, c.userId));
    await waitImported(q, c.userId);
    baseline = await snapshot(q, c.userId);
    console.info(
      `chaos: baseline import ${((Date.now() - t0) / 1000).toFixed(1)} s (setup ${((t0 - t00) / 1000).toFixed(1)} s)`,
      baseline.counts,
    );
    // A full re-link of the baseline user adds nothing: the import made every link (in
    // whichever order its Gmail and Calendar parts finished), so comparisons can be strict.
    const { relinkInteractionContacts } = await import("../../src/server/sync/relink-interaction-contacts");
    const { rootLog } = await import("../../src/server/log");
    const rh = await openPg(pg.url, 1);
    await relinkInteractionContacts({ db: rh.db, userId: c.userId, log: rootLog() }, {});
    await rh.close();
    relinked = await snapshot(q, c.userId);
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

  it("the baseline import created contacts and links, and left no link for a re-link to add", () => {
    expect(baseline.counts.contacts).toBeGreaterThan(5);
    expect(baseline.counts.interactions).toBeGreaterThan(GMAIL_PAGE); // two Gmail chunks
    expect(baseline.counts.links).toBeGreaterThan(baseline.counts.contacts);
    expect(baseline.counts.deadJobs).toBe(0);
    expect(compare(baseline, relinked), JSON.stringify(differences(baseline, relinked))).toEqual(CLEAN);
  });

  /**
   * One fault during an import: approve, wait for the Gmail import's first chunk, `fault`
   * (returns when the component is back), then the import must finish with the baseline's
   * data and the app be ready.
   */
  async function during(name: string, fault: (c: TestClient) => Promise<void>): Promise<void> {
    const c = await connectedUser(webUrl, emu);
    const w = worker;
    const mark = w.logs().length;
    await approveImports(c, batchesOf(q, c.userId));
    await waitFirstChunk(batchesOf(q, c.userId));
    const faultAt = Date.now();
    await fault(c);
    const back = Date.now();
    const readyS = (await waitReady(webUrl)) / 1000;
    const doneAt = await waitImported(q, c.userId, 180_000);
    const got = await snapshot(q, c.userId);
    const retries = [...w.logs().slice(mark), ...(worker === w ? [] : worker.logs())]
      .filter((l) => l.msg === "job failed; retrying")
      .map((l) => String((l.err as { message?: string } | undefined)?.message).slice(0, 60));
    const { result, diff } = measure(name, baseline, got, {
      back,
      doneAt,
      readyS,
      retries: retries.join(" | "),
    });
    results.push(result);
    for (const p of [web, worker]) {
      expect(p.exitCode(), `${p.name} must survive:\n${tail(p.logs())}`).toBeNull();
      expect(p.logs().some((l) => String(l.msg).includes("Unhandled error event"))).toBe(false);
    }
    // The fault found the import running: part of it finished only afterwards.
    expect(await lastFinished(q, c.userId), "the import must finish after the fault").toBeGreaterThan(
      faultAt,
    );
    expect(diff, JSON.stringify(differences(baseline, got))).toEqual(CLEAN);
    expect(got.counts.deadJobs).toBe(0);
    expect(doneAt - back).toBeLessThan(180_000);
  }

  it("Postgres immediate shutdown until the import's job fails: 503 + Retry-After meanwhile, retried, nothing lost", async () => {
    await during("postgres immediate restart", async (c) => {
      const mark = worker.logs().length;
      const downAt = Date.now();
      pg.stopImmediate();
      const r = await c.get("/api/v1/contacts");
      expect(r.status).toBe(503);
      expect(r.json).toMatchObject({ ok: false, error: "service_unavailable" });
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await fetch(`${webUrl}/api/v1/ready`)).status).toBe(503);
      // Down at least 3 s, and until the running import job has failed its attempt on the
      // missing database (it is fetching from Google when the fault lands), so the retry
      // path is what brings it back.
      const deadline = downAt + 60_000;
      while (
        !worker
          .logs()
          .slice(mark)
          .some((l) => l.msg === "job failed; retrying")
      ) {
        if (Date.now() > deadline)
          throw new Error(`no job failed during the outage:\n${tail(worker.logs())}`);
        await sleep(100);
      }
      await sleep(Math.max(0, downAt + 3000 - Date.now()));
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
});
