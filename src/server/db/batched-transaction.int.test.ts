import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contacts } from "./schema/contacts";
import { pgPoolOf, type DbHandle } from "./client";
import { withUser } from "./with-user";
import { createTestUser, useTestDb } from "../testing/test-db";

// The batched BEGIN exists on node-postgres only; PGlite keeps drizzle's own transaction.
describe.skipIf(!(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL))("withUser on Postgres", () => {
  let h: DbHandle;
  let user: { id: string };

  beforeAll(async () => {
    h = await useTestDb();
    user = await createTestUser(h);
  });

  /** Counts the messages the pool's clients send while `fn` runs. */
  async function countQueries(fn: () => Promise<unknown>): Promise<number> {
    const pool = pgPoolOf(h.db)!;
    let n = 0;
    const onAcquire = (c: { query: (...a: unknown[]) => unknown }) => {
      const q = c.query;
      c.query = function (this: unknown, ...a: unknown[]) {
        n++;
        return q.apply(this, a);
      };
      pool.once("release", () => (c.query = q));
    };
    pool.on("acquire", onAcquire);
    try {
      await fn();
    } finally {
      pool.off("acquire", onAcquire);
    }
    return n;
  }

  it("sends BEGIN with the role and user: one query, COMMIT, nothing else", async () => {
    const n = await countQueries(() =>
      withUser({ db: h.db, userId: user.id }, (tx) => tx.execute(sql`SELECT 1`)),
    );
    expect(n).toBe(3);
  });

  it("runs the work as the RLS role with the user set, only for that transaction", async () => {
    const r = await withUser({ db: h.db, userId: user.id }, (tx) =>
      tx.execute<{ role: string; uid: string }>(
        sql`SELECT current_user AS role, current_setting('app.user_id', true) AS uid`,
      ),
    );
    expect(r.rows[0]).toEqual({ role: "omnicrm_app", uid: user.id });
    const after = await h.db.execute<{ uid: string | null }>(
      sql`SELECT NULLIF(current_setting('app.user_id', true), '') AS uid`,
    );
    expect(after.rows[0]!.uid).toBeNull();
  });

  it("rolls back on error and keeps nested transactions as savepoints", async () => {
    await expect(
      withUser({ db: h.db, userId: user.id }, async (tx) => {
        await tx.insert(contacts).values({ userId: user.id, displayName: "rolled back" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const kept = await withUser({ db: h.db, userId: user.id }, async (tx) => {
      await tx.insert(contacts).values({ userId: user.id, displayName: "kept" });
      await tx
        .transaction(async (inner) => {
          await inner.insert(contacts).values({ userId: user.id, displayName: "inner undone" });
          throw new Error("inner");
        })
        .catch(() => undefined);
      return tx.execute<{ name: string }>(
        sql`SELECT display_name AS name FROM contacts WHERE user_id = ${user.id} ORDER BY display_name`,
      );
    });
    expect(kept.rows.map((r) => r.name)).toEqual(["kept"]);
  });
});
