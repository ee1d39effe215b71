import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { readRhythmConfig } from "./rhythm-config";
import { SUGGESTED_STAGE_RHYTHMS, type RhythmSettings } from "./schemas";

export async function getRhythmSettings(ctx: Ctx): Promise<RhythmSettings> {
  return withUser(ctx, async (tx) => {
    const c = await readRhythmConfig(tx, ctx.userId);
    return {
      stages: c.stages as RhythmSettings["stages"],
      tags: c.tags,
      atRiskMarginDays: c.atRiskMarginDays,
      suggestedStages: SUGGESTED_STAGE_RHYTHMS as Record<string, number>,
    };
  });
}
