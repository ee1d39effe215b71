import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { authSessions } from "../db/schema/auth";
import { createTestUser, useTestDb } from "../testing/test-db";
import { findSession } from "./find-session";
import { SESSION_EXPIRES_IN_SEC, SESSION_UPDATE_AGE_SEC } from "./session-policy";

const DAY = 24 * 60 * 60 * 1000;

describe("sliding sessions", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await useTestDb();
  });

  async function sessionExpiringAt(expiresAt: Date) {
    const u = await createTestUser(h);
    const token = randomUUID();
    await h.db.insert(authSessions).values({ id: randomUUID(), userId: u.id, token, expiresAt });
    return { u, token };
  }
  const storedExpiry = async (token: string) =>
    (await h.db.select().from(authSessions).where(eq(authSessions.token, token)))[0]!.expiresAt;

  it("extends a session used more than updateAge after it was last extended", async () => {
    expect(SESSION_UPDATE_AGE_SEC).toBeLessThan(SESSION_EXPIRES_IN_SEC);
    const now = new Date();
    // Signed in 20 days ago (expires in 10 days): the user is still active today.
    const { u, token } = await sessionExpiringAt(
      new Date(now.getTime() + SESSION_EXPIRES_IN_SEC * 1000 - 20 * DAY),
    );
    const found = await findSession(h.db, token, now);
    expect(found?.user.id).toBe(u.id);
    expect(found?.extended).toBe(true);
    const expected = now.getTime() + SESSION_EXPIRES_IN_SEC * 1000;
    expect((await storedExpiry(token)).getTime()).toBe(expected);
    // Used again a minute later: within updateAge, so no second write.
    const again = await findSession(h.db, token, new Date(now.getTime() + 60_000));
    expect(again?.extended).toBe(false);
    expect((await storedExpiry(token)).getTime()).toBe(expected);
  });

  it("does not touch a session extended less than updateAge ago", async () => {
    const now = new Date();
    const fresh = new Date(now.getTime() + SESSION_EXPIRES_IN_SEC * 1000 - 60 * 60 * 1000);
    const { token } = await sessionExpiringAt(fresh);
    expect((await findSession(h.db, token, now))?.extended).toBe(false);
    expect((await storedExpiry(token)).getTime()).toBe(fresh.getTime());
  });

  it("never revives an expired session", async () => {
    const now = new Date();
    const { token } = await sessionExpiringAt(new Date(now.getTime() - 1000));
    expect(await findSession(h.db, token, now)).toBeNull();
    expect((await storedExpiry(token)).getTime()).toBe(now.getTime() - 1000);
  });
});
