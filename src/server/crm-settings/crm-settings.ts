import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { withUser, type Tx } from "../db/with-user";
import { contactSettings } from "../db/schema/contacts";

export const crmSettingsSchema = z.object({
  atRiskDays: z.number().int().min(7).max(365),
  redactNotes: z.boolean(),
});
export type CrmSettings = z.infer<typeof crmSettingsSchema>;
export const updateCrmSettingsInput = crmSettingsSchema.partial();

const DEFAULTS: CrmSettings = { atRiskDays: 45, redactNotes: false };

export async function readCrmSettings(tx: Tx, userId: string): Promise<CrmSettings> {
  const [row] = await tx.select().from(contactSettings).where(eq(contactSettings.userId, userId));
  return row ? { atRiskDays: row.atRiskDays, redactNotes: row.redactNotes } : DEFAULTS;
}

export async function getCrmSettings(ctx: Ctx): Promise<CrmSettings> {
  return withUser(ctx, (tx) => readCrmSettings(tx, ctx.userId));
}

export async function updateCrmSettings(
  ctx: Ctx,
  raw: z.input<typeof updateCrmSettingsInput>,
): Promise<CrmSettings> {
  const patch = updateCrmSettingsInput.parse(raw);
  return withUser(ctx, async (tx) => {
    await tx
      .insert(contactSettings)
      .values({ userId: ctx.userId, ...patch })
      .onConflictDoUpdate({ target: contactSettings.userId, set: { ...patch, updatedAt: new Date() } });
    return readCrmSettings(tx, ctx.userId);
  });
}
