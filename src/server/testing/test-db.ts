import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { openPglite, openPostgres, type DbHandle } from "../db/client";
import { migrate } from "../db/migrate";
import { authUsers } from "../db/schema/auth";

/**
 * A migrated database for one test file: real Postgres when TEST_DATABASE_URL or
 * DATABASE_URL is set (CI), otherwise an in-memory PGlite. Closed after the file.
 */
export async function useTestDb(): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const handle = url ? await openPostgres(url, 5) : await openPglite();
  await migrate(handle.db);
  afterAll(async () => {
    await handle.close();
  });
  return handle;
}

/** Each test gets its own user, so tests never see each other's rows on a shared database. */
export async function createTestUser(h: DbHandle, email?: string): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const addr = email ?? `user-${id}@test.local`;
  await h.db.insert(authUsers).values({ id, email: addr, name: "Test User" });
  return { id, email: addr };
}
