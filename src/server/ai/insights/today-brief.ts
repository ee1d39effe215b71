import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { withUser } from "../../db/with-user";
import { listFollowUps, type FollowUp } from "../../lifecycle/list-follow-ups";

export type TodayItem = {
  contactId: string;
  name: string;
  stage: string;
  reason: string;
  nextStep: string | null;
  href: string;
};
export type TodayBrief = {
  followUps: TodayItem[];
  sessionsToday: {
    id: string;
    startsAt: string;
    title: string | null;
    contactId: string | null;
    name: string | null;
  }[];
};

/**
 * The dashboard's "today": who to follow up with and why, from stages, silence (longer than
 * the user's at-risk threshold unless `quietDays` is given) and the
 * stored insights, plus today's sessions. Built from data already computed, so it costs
 * no model call and works without a provider (insight reasons then simply are absent).
 */
export async function getTodayBrief(ctx: Ctx, quietDays?: number): Promise<TodayBrief> {
  const follow = await listFollowUps(ctx, { quietDays, limit: 8 });
  const sessions = await withUser(ctx, (tx) =>
    tx.execute<{
      id: string;
      starts_at: string;
      title: string | null;
      contact_id: string | null;
      name: string | null;
    }>(sql`
      SELECT i.id, i.occurred_at::text AS starts_at, i.subject AS title, c.id AS contact_id, c.display_name AS name
      FROM interactions i
      LEFT JOIN interaction_contacts ic ON ic.interaction_id = i.id
      LEFT JOIN contacts c ON c.id = ic.contact_id AND c.deleted_at IS NULL
      WHERE i.user_id = ${ctx.userId} AND i.type IN ('meeting', 'session')
        AND i.occurred_at >= now() AND i.occurred_at < date_trunc('day', now()) + interval '1 day'
      ORDER BY i.occurred_at LIMIT 20`),
  );
  return {
    followUps: follow.map((f) => ({
      contactId: f.contactId,
      name: f.name,
      stage: f.stage,
      reason: reasonFor(f),
      nextStep: f.nextStep,
      href: `/contacts/${f.contactId}`,
    })),
    sessionsToday: sessions.rows.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      title: s.title,
      contactId: s.contact_id,
      name: s.name,
    })),
  };
}

function reasonFor(f: FollowUp): string {
  const parts: string[] = [];
  if (f.stage === "At Risk Client") parts.push("marked At Risk");
  if (f.daysSince !== null && f.daysSince >= 1) parts.push(`no contact for ${f.daysSince} days`);
  if (f.risk && f.risk !== "none" && f.risk !== "low") parts.push(`${f.risk} risk of drifting away`);
  return parts.join("; ") || "worth a check-in";
}
