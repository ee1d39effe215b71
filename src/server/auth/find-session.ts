import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../db/client";
import { authSessions, authUsers } from "../db/schema/auth";
import { SESSION_EXPIRES_IN_SEC, SESSION_UPDATE_AGE_SEC, sessionDueForRefresh } from "./session-policy";

export type FoundSession = { user: { id: string; email: string }; expiresAt: Date; extended: boolean };

/**
 * The live session for a (verified) token joined to its user: one indexed query. When the
 * session is due (see session-policy), it slides to EXPIRES_IN from now — a conditional
 * write at most once per UPDATE_AGE per session, so concurrent requests do not all write.
 */
export async function findSession(db: Db, token: string, now = new Date()): Promise<FoundSession | null> {
  const rows = await db
    .select({ id: authUsers.id, email: authUsers.email, expiresAt: authSessions.expiresAt })
    .from(authSessions)
    .innerJoin(authUsers, eq(authUsers.id, authSessions.userId))
    .where(and(eq(authSessions.token, token), gt(authSessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const user = { id: row.id, email: row.email };
  if (!sessionDueForRefresh(row.expiresAt, now)) return { user, expiresAt: row.expiresAt, extended: false };
  const expiresAt = new Date(now.getTime() + SESSION_EXPIRES_IN_SEC * 1000);
  const dueBefore = expiresAt.getTime() - SESSION_UPDATE_AGE_SEC * 1000;
  const updated = await db
    .update(authSessions)
    .set({ expiresAt, updatedAt: now })
    // Still due when written: the first of several concurrent requests wins, the rest skip.
    .where(and(eq(authSessions.token, token), lte(authSessions.expiresAt, new Date(dueBefore))))
    .returning({ id: authSessions.id });
  return { user, expiresAt: updated.length ? expiresAt : row.expiresAt, extended: updated.length > 0 };
}
