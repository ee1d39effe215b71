import { mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../tools/google-emulator/server";
import { ROOT, ensureBuilt } from "../http/build";
import type { TestClient } from "../http/client";
import { chaosAppEnv, chaosEnabled, CLEAN, measure, sleep, startChaosEmulator } from "./harness";
import {
  approveImports,
  connectedUser,
  differences,
  GMAIL_PAGE,
  jobCounts,
  lastFinished,
  snapshot,
  waitFirstChunk,
  type BatchView,
  type Query,
} from "./import";
import { startNpmStart, tail, waitReady, type AppProcess } from "./processes";
import { freePort } from "./services";

/**
 * Chaos, embedded shape: `npm start` (PGlite, jobs in the web process) killed with SIGKILL
 * during a real Gmail + Calendar import, once the Gmail import's first chunk is committed,
 * and started again by "the supervisor". The restart must pick up the running and queued
 * jobs and end with exactly what an undisturbed import on the same app made, within 3
 * minutes. Runs beside faults.int.test.ts (it uses no Postgres or Redis). CI also covers the
 * recovery in-process (jobs/embedded.int.test.ts "resumes after a crash").
 */
describe.skipIf(!chaosEnabled)("npm start (embedded) killed during an import (chaos)", () => {
  let emu: Emulator;
  let distDir: string;
  const dataDir = mkdtempSync(path.join(tmpdir(), "omnicrm-chaos-embedded-"));

  beforeAll(async () => {
    distDir = await ensureBuilt();
    emu = await startChaosEmulator();
  }, 900_000);

  afterAll(async () => {
    await emu?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // The embedded database is open in the server: the test watches the import through the API.
  const batchesVia = (c: TestClient) => async () => {
    const r = await c.get<{ data: { items: BatchView[] } }>("/api/v1/sync/batches");
    if (r.status !== 200) throw new Error(`batches: ${r.status} ${r.text}`);
    return r.json.data.items;
  };

  async function waitDone(c: TestClient, app: AppProcess, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = await c.get<{ data: { items: unknown[] } }>("/api/v1/jobs?status=queued,running,error");
      const list = await batchesVia(c)().catch(() => []);
      if (
        open.status === 200 &&
        open.json.data.items.length === 0 &&
        list.length === 2 &&
        list.every((b) => b.status === "done")
      )
        return Date.now();
      if (Date.now() > deadline)
        throw new Error(`embedded import not finished within ${timeoutMs} ms:\n${tail(app.logs())}`);
      await sleep(250);
    }
  }

  it("SIGKILL of npm start: the restart picks up queued and running jobs, nothing lost or doubled", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = chaosAppEnv(emu, { url, db: "", redisUrl: "", dataDir });
    // ensureBuilt() just checked this build is of the current sources; say so in the way
    // `npm start` checks (BUILD_ID newer than the sources), so it serves it instead of rebuilding.
    const fresh = () => {
      const now = new Date();
      utimesSync(path.join(ROOT, distDir, "BUILD_ID"), now, now);
    };
    fresh();
    let app = startNpmStart(distDir, port, env);
    try {
      await waitReady(url, 180_000, app);
      // The undisturbed import on this same app.
      const base = await connectedUser(url, emu);
      await approveImports(base, batchesVia(base));
      await waitDone(base, app, 300_000);

      const c = await connectedUser(url, emu);
      await approveImports(c, batchesVia(c));
      await waitFirstChunk(batchesVia(c));
      const faultAt = Date.now();
      await app.kill();
      fresh();
      app = startNpmStart(distDir, port, env);
      const back = Date.now();
      const readyS = (await waitReady(url, 180_000, app)) / 1000;
      const doneAt = await waitDone(c, app, 180_000);
      await app.stop();

      const { openPglite } = await import("../../src/server/db/client");
      const h = await openPglite(path.join(dataDir, "pglite"));
      try {
        const client = (
          h.db as unknown as {
            $client: { query: (s: string, p: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };
          }
        ).$client;
        const eq: Query = async (sql, params) => (await client.query(sql, params)).rows;
        const baseline = await snapshot(eq, base.userId);
        expect(baseline.counts.interactions).toBeGreaterThan(GMAIL_PAGE);
        expect(await jobCounts(eq, c.userId)).toMatchObject({ open: 0, dead: 0, batches: 0 });
        const got = await snapshot(eq, c.userId);
        const { result, diff } = measure("npm start (embedded) SIGKILL", baseline, got, {
          back,
          doneAt,
          readyS,
        });
        console.table([result]);
        expect(await lastFinished(eq, c.userId), "the import must finish after the kill").toBeGreaterThan(
          faultAt,
        );
        expect(diff, JSON.stringify(differences(baseline, got))).toEqual(CLEAN);
        expect(got.counts.deadJobs).toBe(0);
        expect(doneAt - back).toBeLessThan(180_000);
      } finally {
        await h.close();
      }
    } finally {
      await app.stop();
    }
  }, 900_000);
});
