import { sql } from "drizzle-orm";
import type { Tx } from "../db/with-user";

export type RhythmConfig = {
  stages: { stage: string; everyDays: number }[];
  tags: { tagId: string; name: string; everyDays: number }[];
  /** Distinct per-contact rhythms in use (> 0). */
  contactDays: number[];
  atRiskMarginDays: number;
  birthdaysAheadDays: number;
};

/** A user's rhythm defaults and settings in one round trip. */
export async function readRhythmConfig(tx: Tx, userId: string): Promise<RhythmConfig> {
  const r = await tx.execute<{ kind: string; key: string | null; name: string | null; days: number }>(sql`
    SELECT 'stage' AS kind, d.stage AS key, NULL AS name, d.every_days AS days
      FROM rhythm_defaults d WHERE d.user_id = ${userId} AND d.stage IS NOT NULL
    UNION ALL
    SELECT 'tag', d.tag_id::text, t.name, d.every_days
      FROM rhythm_defaults d JOIN tags t ON t.id = d.tag_id WHERE d.user_id = ${userId}
    UNION ALL
    SELECT DISTINCT 'contact', NULL, NULL, r.every_days
      FROM contact_rhythms r WHERE r.user_id = ${userId} AND r.every_days > 0
    UNION ALL
    SELECT 'margin', NULL, NULL, s.at_risk_margin_days FROM followup_settings s WHERE s.user_id = ${userId}
    UNION ALL
    SELECT 'birthdays', NULL, NULL, s.birthdays_ahead_days FROM followup_settings s WHERE s.user_id = ${userId}`);
  const c: RhythmConfig = {
    stages: [],
    tags: [],
    contactDays: [],
    atRiskMarginDays: 14,
    birthdaysAheadDays: 14,
  };
  for (const x of r.rows) {
    const days = Number(x.days);
    if (x.kind === "stage") c.stages.push({ stage: x.key!, everyDays: days });
    else if (x.kind === "tag") c.tags.push({ tagId: x.key!, name: x.name ?? "", everyDays: days });
    else if (x.kind === "contact") c.contactDays.push(days);
    else if (x.kind === "margin") c.atRiskMarginDays = days;
    else if (x.kind === "birthdays") c.birthdaysAheadDays = days;
  }
  c.stages.sort((a, b) => a.stage.localeCompare(b.stage));
  c.tags.sort((a, b) => a.name.localeCompare(b.name));
  return c;
}

export function hasRhythms(c: RhythmConfig): boolean {
  return c.stages.length + c.tags.length + c.contactDays.length > 0;
}
