import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { authUsers } from "../db/schema/auth";
import { contacts, notes } from "../db/schema/contacts";
import { interactions, rawEvents } from "../db/schema/interactions";
import { jobs } from "../db/schema/jobs";
import { syncAudit } from "../db/schema/sync";
import { withSystem, withUser } from "../db/with-user";
import { createTestUser, useTestDb } from "../testing/test-db";
import { survivesAccountDeletion, userOwnedTables } from "../db/user-owned-tables";

describe("account deletion removes everything the user owns", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await useTestDb();
  });

  it("every user_id column cascades from auth_users, or is a documented, retained exception", async () => {
    const tables = await userOwnedTables(h.db);
    expect(tables.length).toBeGreaterThan(10);
    const missing = tables
      .filter((t) => !t.cascades && !(t.table in survivesAccountDeletion))
      .map((t) => t.table);
    expect(missing, "user_id without ON DELETE CASCADE to auth_users (data would survive deletion)").toEqual(
      [],
    );
    // Exceptions must still exist, or the list is stale.
    for (const t of Object.keys(survivesAccountDeletion)) expect(tables.map((x) => x.table)).toContain(t);
  });

  it("deleting the auth user leaves no row with their user_id in any cascading table", async () => {
    const u = await createTestUser(h);
    await withUser({ db: h.db, userId: u.id }, async (tx) => {
      const [c] = await tx.insert(contacts).values({ userId: u.id, displayName: "To be erased" }).returning();
      await tx.insert(notes).values({ userId: u.id, contactId: c!.id, body: "private" });
      await tx.insert(interactions).values({
        userId: u.id,
        type: "email",
        source: "gmail",
        sourceId: "m1",
        occurredAt: new Date(),
      });
      await tx
        .insert(rawEvents)
        .values({ userId: u.id, provider: "gmail", sourceId: "m1", payload: { a: 1 } });
      await tx.insert(jobs).values({ userId: u.id, kind: "noop", payload: {} });
      await tx.insert(syncAudit).values({ userId: u.id, provider: "gmail", action: "approve" });
    });
    // What the auth library's deleteUser ends in.
    await h.db.delete(authUsers).where(eq(authUsers.id, u.id));

    const leftovers: string[] = [];
    for (const t of await userOwnedTables(h.db)) {
      if (t.table in survivesAccountDeletion) continue;
      const q = sql`SELECT count(*)::int AS n FROM ${sql.identifier(t.table)} WHERE user_id = ${u.id}`;
      // RLS tables are read as the system role; the auth library's tables (no app-role grants) directly.
      const r = t.table.startsWith("auth_")
        ? await h.db.execute<{ n: number }>(q)
        : await withSystem(h.db, (tx) => tx.execute<{ n: number }>(q));
      if (Number(r.rows[0]?.n) > 0) leftovers.push(t.table);
    }
    expect(leftovers).toEqual([]);
  });
});
