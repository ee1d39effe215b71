import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { batchedTransaction } from "./batched-transaction";
import { isPgliteDb, pgPoolOf, type Db } from "./client";

/** A drizzle transaction; every user-scoped query runs on one of these. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Which user each open withUser transaction was opened for: a caller's ctx.tx is reused
// only for the same user, never for a system transaction or another user's.
const txUser = new WeakMap<Tx, string>();

/** What withUser needs from a Ctx: the database, the acting user and any open transaction. */
export type UserScope = Pick<Ctx, "db" | "userId" | "tx">;

/**
 * Runs `work` in a transaction as the RLS-bound role with app.user_id set for this
 * transaction only (set_config(..., true)), so a pooled connection never carries one
 * user's context into the next checkout. Role and user are set in one statement, and on
 * Postgres that statement shares BEGIN's round trip (batched-transaction.ts): each extra
 * round trip costs measurable throughput.
 *
 * When the caller already holds a transaction for the same user (`ctx.tx`), `work` runs
 * inside it, so an operation composes into a larger unit of work (`op({ ...ctx, tx }, …)`)
 * without an `*InTx` twin.
 */
export async function withUser<T>(ctx: UserScope, work: (tx: Tx) => Promise<T>): Promise<T> {
  const { db, userId } = ctx;
  if (!UUID.test(userId)) throw new Error("withUser: userId must be a uuid");
  if (ctx.tx) {
    if (txUser.get(ctx.tx) !== userId) throw new Error("withUser: ctx.tx belongs to another user or role");
    return work(ctx.tx);
  }
  const pool = pgPoolOf(db);
  if (pool)
    // Postgres: BEGIN, role and user in one message. userId is inlined (the simple-query
    // protocol has no parameters): safe only because the UUID test above passed.
    return batchedTransaction(
      pool,
      `SELECT set_config('role', 'omnicrm_app', true), set_config('app.user_id', '${userId}', true)`,
      (tx) => {
        txUser.set(tx, userId);
        return work(tx);
      },
    );
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('role', 'omnicrm_app', true), set_config('app.user_id', ${userId}, true)`,
    );
    txUser.set(tx, userId);
    return work(tx);
  });
}

/**
 * Cross-user work that has no single user (claiming jobs, schedulers, webhook lookup,
 * retention). Runs as omnicrm_system, which RLS allows everywhere; keep its uses few.
 * `asyncCommit` skips the wait for the WAL flush (job bookkeeping only), set in the same
 * statement as the role so it costs no extra round trip.
 */
export async function withSystem<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  opts: { asyncCommit?: boolean; settings?: Settings } = {},
): Promise<T> {
  const pool = pgPoolOf(db);
  const settings: Settings = [
    ["role", "omnicrm_system"],
    ...(opts.asyncCommit && !isPgliteDb(db) ? ([["synchronous_commit", "off"]] as const) : []),
    ...(opts.settings ?? []),
  ];
  if (pool) return batchedTransaction(pool, inlineSettings(settings), work);
  return db.transaction(async (tx) => {
    await tx.execute(settingsSql(settings));
    return work(tx);
  });
}

/**
 * One transaction that first runs `systemWork` as omnicrm_system (index-only candidate
 * steps that RLS would turn into sequential scans; see search/candidate-ids.ts), then
 * switches to the RLS-bound role and user before `userWork` reads any row: search's two
 * steps in one transaction, one BEGIN/COMMIT pair fewer. `systemWork` must return ids or
 * other values that `userWork` re-reads under RLS, never rows for the caller.
 * Inside a caller's transaction (ctx.tx) the system step runs in its own transaction, as
 * before: a user transaction is never raised to the system role.
 */
export async function withSystemThenUser<A, T>(
  ctx: UserScope,
  systemWork: (tx: Tx) => Promise<A>,
  userWork: (tx: Tx, a: A) => Promise<T>,
  opts: { settings?: Settings } = {},
): Promise<T> {
  const { db, userId } = ctx;
  if (!UUID.test(userId)) throw new Error("withUser: userId must be a uuid");
  if (ctx.tx) {
    const a = await withSystem(db, systemWork, opts);
    return withUser(ctx, (tx) => userWork(tx, a));
  }
  const settings: Settings = [["role", "omnicrm_system"], ...(opts.settings ?? [])];
  const run = async (tx: Tx) => {
    const a = await systemWork(tx);
    await tx.execute(
      sql`SELECT set_config('role', 'omnicrm_app', true), set_config('app.user_id', ${userId}, true)`,
    );
    txUser.set(tx, userId);
    return userWork(tx, a);
  };
  const pool = pgPoolOf(db);
  if (pool) return batchedTransaction(pool, inlineSettings(settings), run);
  return db.transaction(async (tx) => {
    await tx.execute(settingsSql(settings));
    return run(tx);
  });
}

/** Transaction-local settings (name, value): constants of our own code, never input. */
export type Settings = readonly (readonly [string, string])[];
const SAFE_NAME = /^[a-z_][a-z0-9_.]*$/;
const SAFE_VALUE = /^[\w.-]*$/;

// The simple-query protocol that carries BEGIN has no parameters: these are inlined, so
// each is checked to be a plain identifier/number first.
function inlineSettings(settings: Settings): string {
  return `SELECT ${settings
    .map(([k, v]) => {
      if (!SAFE_NAME.test(k) || !SAFE_VALUE.test(v)) throw new Error(`withSystem: unsafe setting ${k}`);
      return `set_config('${k}', '${v}', true)`;
    })
    .join(", ")}`;
}

function settingsSql(settings: Settings) {
  return sql`SELECT ${sql.join(
    settings.map(([k, v]) => sql`set_config(${k}, ${v}, true)`),
    sql`, `,
  )}`;
}
