import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Pool, PoolClient } from "pg";
import type { Tx } from "./with-user";

const dialect = new PgDialect();

/**
 * A node-postgres transaction whose BEGIN travels in the same message as `prelude` (the
 * role and user settings): one round trip where drizzle's `db.transaction` spends two.
 * Multi-statement text only runs on the simple-query protocol, which has no bind
 * parameters, so `prelude` must be built from values the caller has already validated
 * (withUser checks its uuid) — never from raw input.
 *
 * Otherwise it is drizzle's own transaction (same session and transaction classes, so
 * nested `tx.transaction` still becomes a savepoint), with one difference: a client whose
 * ROLLBACK failed is destroyed instead of going back into the pool in an unknown state.
 */
export async function batchedTransaction<T>(
  pool: Pool,
  prelude: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const client: PoolClient = await pool.connect();
  let broken: Error | undefined;
  try {
    const session = new NodePgSession(client, dialect, undefined);
    const tx = new NodePgTransaction(dialect, session, undefined) as unknown as Tx;
    await client.query(`BEGIN; ${prelude}`);
    const result = await work(tx);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    // As drizzle does: roll back whatever is open (a no-op warning when nothing is).
    await client.query("ROLLBACK").catch((err: Error) => (broken = err));
    throw e;
  } finally {
    client.release(broken);
  }
}
