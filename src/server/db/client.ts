import { mkdirSync } from "node:fs";
import path from "node:path";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { env } from "@/lib/env";

export type DbKind = "pglite" | "postgres";
/** Both drivers expose the same drizzle query API; we type them as the node-postgres one. */
export type Db = NodePgDatabase;
export type DbHandle = { db: Db; kind: DbKind; close: () => Promise<void> };

type Holder = { __omnicrmDb?: Promise<DbHandle> };
const g = globalThis as unknown as Holder;

/**
 * One database handle per process, kept on globalThis so Next.js module reloading and
 * multiple bundles share it (PGlite must never be opened twice on the same directory).
 */
export function getDb(): Promise<DbHandle> {
  g.__omnicrmDb ??= openDb().catch((e: unknown) => {
    g.__omnicrmDb = undefined;
    throw e;
  });
  return g.__omnicrmDb;
}

export async function closeDb(): Promise<void> {
  const h = g.__omnicrmDb;
  g.__omnicrmDb = undefined;
  if (h) await (await h).close();
}

async function openDb(): Promise<DbHandle> {
  const e = env();
  if (e.DATABASE_URL)
    return openPostgres(e.DATABASE_URL, e.DATABASE_POOL_SIZE, e.DATABASE_STATEMENT_TIMEOUT_MS);
  const dir = path.resolve(e.DATA_DIR, "pglite");
  mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}

export async function openPostgres(url: string, max = 10, statementTimeoutMs = 15_000): Promise<DbHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({
    connectionString: url,
    max,
    statement_timeout: statementTimeoutMs,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    application_name: "omnicrm",
  });
  // A client whose server went away (restart, failover) emits `error`: on the pool while
  // idle, on the client itself while checked out (a transaction in progress, where pg-pool
  // listens to nothing). Unhandled, either event kills the process. The query in flight is
  // rejected anyway (its transaction fails and rolls back), the pool drops the dead client
  // and the next query opens a fresh connection, so a log line is all this needs.
  const { rootLog } = await import("../log");
  let lastLogged = 0;
  const onLost = (err: Error) => {
    if (Date.now() - lastLogged < 5_000) return;
    lastLogged = Date.now();
    rootLog().warn({ err }, "database connection lost; reconnecting on next use");
  };
  pool.on("error", onLost);
  pool.on("connect", (client) => client.on("error", onLost));
  const db = drizzle(pool);
  pgPools.set(db, pool);
  return { db, kind: "postgres", close: () => pool.end() };
}

const pgliteDbs = new WeakSet<object>();
const pgPools = new WeakMap<object, import("pg").Pool>();

/** The node-postgres pool behind `db` (undefined for PGlite): withUser batches on it. */
export function pgPoolOf(db: Db): import("pg").Pool | undefined {
  return pgPools.get(db);
}

/**
 * PGlite runs Postgres without its background WAL writer: a commit with
 * `synchronous_commit = off` stays in memory until a later synchronous commit, so an exit
 * right after it (a clean stop included) would lose it. Callers skip async commits there.
 */
export function isPgliteDb(db: Db): boolean {
  return pgliteDbs.has(db);
}

/** `dataDir` undefined = in-memory (tests). */
export async function openPglite(dataDir?: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { vector } = await import("@electric-sql/pglite/vector");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { drizzle } = await import("drizzle-orm/pglite");
  // Backups, restores and a second server must not open the same directory concurrently.
  const { acquireDataDirLock } = await import("./data-dir-lock");
  const release = dataDir ? acquireDataDirLock(dataDir, "server") : () => {};
  try {
    const client = await PGlite.create({ dataDir, extensions: { vector, pg_trgm, btree_gist } });
    const db = drizzle(client) as unknown as Db;
    pgliteDbs.add(db);
    return { db, kind: "pglite", close: () => client.close().finally(release) };
  } catch (e) {
    release();
    throw e;
  }
}
