import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { readCrmSettings } from "../crm-settings/crm-settings";

export type FollowUp = {
  contactId: string;
  name: string;
  stage: string;
  lastInteractionAt: string | null;
  daysSince: number | null;
  nextStep: string | null;
  risk: string | null;
};

/**
 * Who needs a follow-up: active clients gone quiet for `quietDays` (default: the user's
 * at-risk threshold, contact_settings.at_risk_days, 45 days unless changed — the same one the
 * at-risk list uses), plus anyone whose latest insight flags a risk. Shared by the
 * assistant's list_follow_ups tool and the dashboard "today" brief.
 */
export async function listFollowUps(
  ctx: Ctx,
  input: { quietDays?: number; limit: number },
): Promise<FollowUp[]> {
  const r = await withUser(ctx, async (tx) => {
    const days = input.quietDays ?? (await readCrmSettings(tx, ctx.userId)).atRiskDays;
    return tx.execute<{
      id: string;
      display_name: string;
      stage: string;
      last: string | null;
      days: number | null;
      next_step: string | null;
      risk: string | null;
    }>(sql`
      SELECT c.id, c.display_name, c.stage, c.last_interaction_at::text AS last,
        floor(extract(epoch FROM now() - c.last_interaction_at) / 86400)::int AS days,
        ins.content->>'nextStep' AS next_step, ins.content->>'risk' AS risk
      FROM contacts c
      LEFT JOIN LATERAL (SELECT content FROM ai_insights a
        WHERE a.user_id = ${ctx.userId} AND a.subject_type = 'contact' AND a.subject_id = c.id AND a.status = 'ok'
        ORDER BY a.created_at DESC LIMIT 1) ins ON true
      WHERE c.user_id = ${ctx.userId} AND c.deleted_at IS NULL AND c.stage <> 'Lost Client'
        AND (c.stage = 'At Risk Client'
          OR (c.last_interaction_at IS NOT NULL AND c.last_interaction_at < now() - make_interval(days => ${days}))
          OR coalesce(ins.content->>'risk', 'none') NOT IN ('none', 'low'))
      ORDER BY (c.stage = 'At Risk Client') DESC, c.last_interaction_at ASC NULLS LAST LIMIT ${input.limit}`);
  });
  return r.rows.map((c) => ({
    contactId: c.id,
    name: c.display_name,
    stage: c.stage,
    lastInteractionAt: c.last,
    daysSince: c.days,
    nextStep: c.next_step,
    risk: c.risk,
  }));
}
