import { eq } from "drizzle-orm";
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

export async function updateAiSettings(
  ctx: Ctx,
  input: { includeHealthContext: boolean },
): Promise<AiSettings> {
  await withUser(ctx, (tx) =>
    tx
      .insert(aiSettings)
      .values({ userId: ctx.userId, includeHealthContext: input.includeHealthContext })
      .onConflictDoUpdate({
        target: aiSettings.userId,
        set: { includeHealthContext: input.includeHealthContext, updatedAt: new Date() },
      }),
  );
  ctx.log.info({ includeHealthContext: input.includeHealthContext }, "AI settings changed");
  return getAiSettings(ctx);
}
