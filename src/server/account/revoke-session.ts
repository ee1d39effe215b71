import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { authSessions } from "../db/schema/auth";
import { AppError } from "../errors";

/** Signs one of the caller's sessions out (another device, or this one). */
export async function revokeSession(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  const gone = await ctx.db
    .delete(authSessions)
    .where(and(eq(authSessions.id, input.id), eq(authSessions.userId, ctx.userId)))
    .returning({ id: authSessions.id });
  if (!gone.length) throw new AppError("not_found");
  ctx.log.info({ sessionId: input.id }, "session revoked");
  return { id: input.id };
}
