import { randomUUID } from "node:crypto";
import { openPglite, openPostgres, type DbHandle } from "../../src/server/db/client";
import { migrate } from "../../src/server/db/migrate";
import { authUsers } from "../../src/server/db/schema/auth";

/** `--name value` from argv, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
export const numArg = (name: string, fallback: number) => Number(arg(name, String(fallback)));
export const flag = (name: string) => process.argv.includes(`--${name}`);

/** `--scale f` shrinks every data size (smoke runs on a busy machine); full scale is 1. */
export const scale = () => numArg("scale", 1);
export const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * scale()));

/** DATABASE_URL (real Postgres) when set, else an in-memory PGlite; migrated. */
export async function openBenchDb(pool = 10): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  const h = url ? await openPostgres(url, pool, 600_000) : await openPglite();
  await migrate(h.db);
  return h;
}

export async function benchUser(h: DbHandle, tag = "bench"): Promise<string> {
  const id = randomUUID();
  await h.db.insert(authUsers).values({ id, email: `${tag}-${id}@bench.local`, name: "Bench User" });
  return id;
}

/** Peak resident set of a process (VmHWM) in MB, from /proc; null where /proc is absent. */
export async function peakRssMb(pid: number | "self" = "self"): Promise<number | null> {
  const { readFile } = await import("node:fs/promises");
  try {
    const s = await readFile(`/proc/${pid}/status`, "utf8");
    const m = /VmHWM:\s+(\d+) kB/.exec(s);
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export async function loadAvg(): Promise<string> {
  const { loadavg, cpus } = await import("node:os");
  return `load ${loadavg()
    .map((x) => x.toFixed(1))
    .join("/")} on ${cpus().length} cores`;
}
