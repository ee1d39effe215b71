import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DbHandle } from "./client";
import { isDbUnavailable } from "./db-unavailable";

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The server ending a connection that a transaction holds (a restart, a failover, an
 * administrator's pg_terminate_backend): pg emits `error` on the checked-out client, where
 * pg-pool listens to nothing. The transaction must fail with an "unavailable" error, the
 * process must not see an uncaught exception, and the pool must serve the next query.
 */
describe.runIf(Boolean(url))("a pooled connection killed mid-transaction (PostgreSQL)", () => {
  let h: DbHandle;
  let admin: DbHandle;
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);

  beforeAll(async () => {
    [h, admin] = await Promise.all([openPostgres(url!, 2), openPostgres(url!, 1)]);
    process.on("uncaughtException", onUncaught);
  });
  afterAll(async () => {
    process.off("uncaughtException", onUncaught);
    await Promise.all([h?.close(), admin?.close()]);
  });

  it("fails that transaction, not the process, and reconnects", async () => {
    const failed: unknown = await h.db
      .transaction(async (tx) => {
        const r = await tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`);
        await admin.db.execute(sql`SELECT pg_terminate_backend(${r.rows[0]!.pid})`);
        // The transaction awaits other work (a Google call, say) while its connection dies.
        await sleep(300);
        await tx.execute(sql`SELECT 1`);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(failed).not.toBeNull();
    expect(isDbUnavailable(failed)).toBe(true);
    expect(uncaught).toEqual([]);
    const again = await h.db.execute<{ one: number }>(sql`SELECT 1 AS one`);
    expect(again.rows[0]!.one).toBe(1);
  });
});
