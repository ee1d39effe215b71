import { and, desc, eq, gt } from "drizzle-orm";
import type { Ctx } from "../context";
import { authSessions } from "../db/schema/auth";
import type { SessionView } from "./schemas";

/**
 * The caller's signed-in sessions (browsers, phones), newest activity first. Session tokens
 * never leave the server: a session is named by its id. The auth tables sit outside RLS
 * (the auth library owns them), so every query here filters by the caller's user id.
 */
export async function listSessions(
  ctx: Ctx,
  input: { currentToken: string | null },
): Promise<{ items: SessionView[] }> {
  const rows = await ctx.db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.userId, ctx.userId), gt(authSessions.expiresAt, new Date())))
    .orderBy(desc(authSessions.updatedAt))
    .limit(100);
  return {
    items: rows.map((r) => ({
      id: r.id,
      userAgent: r.userAgent || null,
      ipAddress: r.ipAddress || null,
      createdAt: r.createdAt.toISOString(),
      lastActiveAt: r.updatedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      current: r.token === input.currentToken,
    })),
  };
}
