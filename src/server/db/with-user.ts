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
  opts: { asyncCommit?: boolean } = {},
): Promise<T> {
  const pool = pgPoolOf(db);
  if (pool)
    return batchedTransaction(
      pool,
      opts.asyncCommit
        ? "SELECT set_config('role', 'omnicrm_system', true), set_config('synchronous_commit', 'off', true)"
        : "SELECT set_config('role', 'omnicrm_system', true)",
      work,
    );
  return db.transaction(async (tx) => {
    await tx.execute(
      opts.asyncCommit && !isPgliteDb(db)
        ? sql`SELECT set_config('role', 'omnicrm_system', true), set_config('synchronous_commit', 'off', true)`
        : sql`SELECT set_config('role', 'omnicrm_system', true)`,
    );
    return work(tx);
  });
}
