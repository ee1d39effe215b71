import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { tags } from "../db/schema/contacts";
import { followupSettings, rhythmDefaults } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { getRhythmSettings } from "./get-rhythm-settings";
import { putRhythmSettingsInput, type PutRhythmSettingsInput, type RhythmSettings } from "./schemas";

/** Replaces the stage and tag defaults (PUT semantics: what is not listed has no default). */
export async function updateRhythmSettings(ctx: Ctx, raw: PutRhythmSettingsInput): Promise<RhythmSettings> {
  const input = putRhythmSettingsInput.parse(raw);
  return withUser(ctx, async (tx) => {
    const tagIds = [...new Set(input.tags.map((t) => t.tagId))];
    if (tagIds.length) {
      const found = await tx
        .select({ id: tags.id })
        .from(tags)
        .where(and(eq(tags.userId, ctx.userId), inArray(tags.id, tagIds)));
      if (found.length !== tagIds.length)
        throw new AppError("not_found", "unknown tag", { fields: { tags: ["unknown tag id"] } });
    }
    await tx.delete(rhythmDefaults).where(eq(rhythmDefaults.userId, ctx.userId));
    const stages = new Map(input.stages.map((s) => [s.stage, s.everyDays]));
    const byTag = new Map(input.tags.map((t) => [t.tagId, t.everyDays]));
    const rows = [
      ...[...stages].map(([stage, everyDays]) => ({ userId: ctx.userId, stage, everyDays })),
      ...[...byTag].map(([tagId, everyDays]) => ({ userId: ctx.userId, tagId, everyDays })),
    ];
    if (rows.length) await tx.insert(rhythmDefaults).values(rows);
    if (input.atRiskMarginDays !== undefined)
      await tx
        .insert(followupSettings)
        .values({ userId: ctx.userId, atRiskMarginDays: input.atRiskMarginDays })
        .onConflictDoUpdate({
          target: followupSettings.userId,
          set: { atRiskMarginDays: input.atRiskMarginDays, updatedAt: new Date() },
        });
    return getRhythmSettings({ ...ctx, tx });
  });
}
