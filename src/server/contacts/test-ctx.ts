import type { Ctx } from "../context";
import type { DbHandle } from "../db/client";
import { rootLog } from "../log";
import { createTestUser } from "../testing/test-db";

/** For integration tests: a Ctx for a brand-new user (each test owns its users). */
export async function newUserCtx(h: DbHandle): Promise<Ctx> {
  const u = await createTestUser(h);
  return { db: h.db, userId: u.id, log: rootLog() };
}
