import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres, type DbHandle } from "../../src/server/db/client";
import { authSessions } from "../../src/server/db/schema/auth";
import { SESSION_EXPIRES_IN_SEC } from "../../src/server/auth/session-policy";
import { useHttpServer } from "./harness";

const dbUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

// Needs to age a session in the server's database, so only against real Postgres (CI's
// second integration pass; the embedded PGlite lives inside the server process).
describe.skipIf(!dbUrl)("sliding sessions (HTTP, Postgres)", () => {
  const h = useHttpServer();
  let db: DbHandle | undefined;
  afterAll(async () => {
    await db?.close();
  });

  it("extends a session used after updateAge on the server and in the browser's cookie", async () => {
    db ??= await openPostgres(dbUrl!, 1);
    const a = await h.signUp();
    // Signed in 20 days ago: 10 days left.
    await db.db
      .update(authSessions)
      .set({ expiresAt: sql`now() + interval '10 days'` })
      .where(eq(authSessions.userId, a.userId));
    const before = Date.now();
    const me = await a.get("/api/v1/auth/me");
    expect(me.status).toBe(200);
    const cookie = me.headers.getSetCookie().find((s) => s.includes("session_token"));
    expect(cookie).toMatch(new RegExp(`Max-Age=${SESSION_EXPIRES_IN_SEC}`));
    const [row] = await db.db.select().from(authSessions).where(eq(authSessions.userId, a.userId));
    const left = row!.expiresAt.getTime() - before;
    expect(left).toBeGreaterThan((SESSION_EXPIRES_IN_SEC - 60) * 1000);
    // Used again at once: nothing more to extend, no cookie churn on the API.
    const again = await a.get("/api/v1/auth/me");
    expect(again.headers.getSetCookie().some((s) => s.includes("session_token"))).toBe(false);
  });
});
