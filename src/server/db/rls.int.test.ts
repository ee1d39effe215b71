import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contacts } from "./schema/contacts";
import { withSystem, withSystemThenUser, withUser } from "./with-user";
import { createTestUser, useTestDb } from "../testing/test-db";
import type { DbHandle } from "./client";

describe("row-level security", () => {
  let h: DbHandle;
  let a: { id: string };
  let b: { id: string };
  let aContactId: string;

  beforeAll(async () => {
    h = await useTestDb();
    a = await createTestUser(h);
    b = await createTestUser(h);
    const [row] = await withUser({ db: h.db, userId: a.id }, (tx) =>
      tx.insert(contacts).values({ userId: a.id, displayName: "Alice Client" }).returning(),
    );
    aContactId = row!.id;
  });

  it("withSystemThenUser: the user step is under RLS again after the system step", async () => {
    const seen = await withSystemThenUser(
      { db: h.db, userId: b.id },
      // The system step sees a's contact (ids only: what a candidate step returns).
      async (tx) =>
        (await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, aContactId))).map(
          (r) => r.id,
        ),
      async (tx, ids) => {
        const role = await tx.execute<{ r: string }>(sql`SELECT current_user AS r`);
        const rows = await tx.select().from(contacts).where(eq(contacts.id, ids[0]!));
        return { ids, role: role.rows[0]!.r, rows };
      },
    );
    expect(seen.ids).toEqual([aContactId]);
    expect(seen.role).toBe("omnicrm_app");
    expect(seen.rows).toEqual([]);
  });

  it("lets the owner read their rows", async () => {
    const rows = await withUser({ db: h.db, userId: a.id }, (tx) => tx.select().from(contacts));
    expect(rows.map((r) => r.id)).toContain(aContactId);
  });

  it("hides another user's rows even when the code forgets the user_id filter", async () => {
    const rows = await withUser({ db: h.db, userId: b.id }, (tx) =>
      tx.select().from(contacts).where(eq(contacts.id, aContactId)),
    );
    expect(rows).toEqual([]);
  });

  it("blocks updates and deletes of another user's rows", async () => {
    const updated = await withUser({ db: h.db, userId: b.id }, (tx) =>
      tx.update(contacts).set({ displayName: "pwned" }).where(eq(contacts.id, aContactId)).returning(),
    );
    const deleted = await withUser({ db: h.db, userId: b.id }, (tx) =>
      tx.delete(contacts).where(eq(contacts.id, aContactId)).returning(),
    );
    expect(updated).toEqual([]);
    expect(deleted).toEqual([]);
    const still = await withUser({ db: h.db, userId: a.id }, (tx) =>
      tx.select().from(contacts).where(eq(contacts.id, aContactId)),
    );
    expect(still[0]?.displayName).toBe("Alice Client");
  });

  it("refuses to insert rows owned by someone else", async () => {
    await expect(
      withUser({ db: h.db, userId: b.id }, (tx) =>
        tx.insert(contacts).values({ userId: a.id, displayName: "forged" }),
      ),
    ).rejects.toThrow();
  });

  it("does not leak the user context to the next transaction on the same connection", async () => {
    await withUser({ db: h.db, userId: a.id }, async () => undefined);
    const r = await h.db.execute<{ u: string | null; role: string }>(
      sql`SELECT NULLIF(current_setting('app.user_id', true), '') AS u, current_user AS role`,
    );
    expect(r.rows[0]?.u ?? null).toBeNull();
    expect(r.rows[0]?.role).not.toBe("omnicrm_app");
  });

  it("sees nothing as the app role without a user context", async () => {
    const rows = await h.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('role', 'omnicrm_app', true)`);
      return tx.select().from(contacts);
    });
    expect(rows).toEqual([]);
  });

  it("forces RLS with both policies on every user-owned table", async () => {
    const r = await h.db.execute<{ relname: string; rls: boolean; forced: boolean; policies: number }>(sql`
      SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
        (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE 'auth\\_%'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'user_id')`);
    expect(r.rows.length).toBeGreaterThan(10);
    for (const t of r.rows)
      expect({ t: t.relname, rls: t.rls, forced: t.forced, p: t.policies }).toEqual({
        t: t.relname,
        rls: true,
        forced: true,
        p: 2,
      });
  });

  it("lets system work see every user's rows", async () => {
    const rows = await withSystem(h.db, (tx) =>
      tx.select().from(contacts).where(eq(contacts.id, aContactId)),
    );
    expect(rows).toHaveLength(1);
  });
});
