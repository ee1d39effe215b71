import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { pendingMigrations } from "../db/migrate";
import { currentLog } from "../log-context";
import { pingRedis } from "./ping-redis";

export type CheckState = "ok" | "down" | "pending" | "skipped";
export type Check = { state: CheckState; latencyMs: number; error?: string; pending?: string[] };
export type Readiness = {
  ready: boolean;
  ts: string;
  checks: { database: Check; redis: Check; migrations: Check };
};

type ReadinessDeps = { db: () => Promise<Db>; redisUrl?: string; timeoutMs?: number };

/**
 * Readiness for a load balancer: the database answers, Redis answers (when configured),
 * and every migration in this build is applied. Checks run in parallel, each bounded by a
 * timeout, so a hung dependency makes the probe fail fast instead of hang.
 */
export async function getReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? 2000;
  const dbP = deps.db();
  dbP.catch(() => undefined); // observed by each check; avoids an unhandled rejection
  const [database, redis, migrations] = await Promise.all([
    timed(async () => {
      await (await dbP).execute(sql`SELECT 1`);
    }, timeoutMs),
    deps.redisUrl
      ? timed(() => pingRedis(deps.redisUrl!, timeoutMs), timeoutMs)
      : Promise.resolve<Check>({ state: "skipped", latencyMs: 0 }),
    checkMigrations(dbP, timeoutMs),
  ]);
  // pendingMigrations() cannot tell "down" from "nothing applied"; the database check can.
  if (database.state === "down") Object.assign(migrations, { state: "down", pending: undefined });
  const ready = database.state === "ok" && migrations.state === "ok" && redis.state !== "down";
  return { ready, ts: new Date().toISOString(), checks: { database, redis, migrations } };
}

async function checkMigrations(dbP: Promise<Db>, timeoutMs: number): Promise<Check> {
  let pending: string[] = [];
  const c = await timed(async () => {
    pending = await pendingMigrations(await dbP);
  }, timeoutMs);
  if (c.state !== "ok" || pending.length === 0) return c;
  return { ...c, state: "pending", pending };
}

async function timed(fn: () => Promise<void>, timeoutMs: number): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs}ms`)), timeoutMs);
      }),
    ]);
    return { state: "ok", latencyMs: elapsed(started) };
  } catch (e) {
    // The probe is public: the cause goes to the log, the answer stays coarse.
    currentLog().warn({ err: e }, "readiness check failed");
    const timeout = /timed out|no answer within/.test((e as Error)?.message ?? "");
    return { state: "down", latencyMs: elapsed(started), error: timeout ? "timeout" : "unavailable" };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (t: number) => Math.round((performance.now() - t) * 10) / 10;
