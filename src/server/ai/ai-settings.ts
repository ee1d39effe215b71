import { eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { aiSettings } from "../db/schema/ai";
import { withUser } from "../db/with-user";
import { isAiConfigured } from "./provider";

export type AiSettings = { includeHealthContext: boolean; configured: boolean };

export async function getAiSettings(ctx: Ctx): Promise<AiSettings> {
  const [row] = await withUser(ctx, (tx) =>
    tx.select().from(aiSettings).where(eq(aiSettings.userId, ctx.userId)),
  );
  return { includeHealthContext: row?.includeHealthContext ?? false, configured: isAiConfigured() };
}

/**
 * Saves the AI settings. Opting out of health context also purges every health context an
 * assistant tool result ever kept for this user (older rows stored it in plaintext).
 */
export async function updateAiSettings(
  ctx: Ctx,
  input: { includeHealthContext: boolean },
): Promise<AiSettings> {
  await withUser(ctx, async (tx) => {
    await tx
      .insert(aiSettings)
      .values({ userId: ctx.userId, includeHealthContext: input.includeHealthContext })
      .onConflictDoUpdate({
        target: aiSettings.userId,
        set: { includeHealthContext: input.includeHealthContext, updatedAt: new Date() },
      });
    if (!input.includeHealthContext)
      await tx.execute(sql`
        UPDATE tool_invocations SET result = result - 'healthContext'
        WHERE user_id = ${ctx.userId} AND jsonb_typeof(result) = 'object' AND result ? 'healthContext'`);
  });
  ctx.log.info({ includeHealthContext: input.includeHealthContext }, "AI settings changed");
  return getAiSettings(ctx);
}
