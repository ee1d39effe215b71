import { sql } from "drizzle-orm";
import { tool } from "ai";
import { z } from "zod";
import { readCrmSettings } from "../../lifecycle/settings";
import { quoteUntrusted } from "../untrusted";
import { asUser, cite, contactHref, interactionHref, recordTool, type ToolEnv } from "./tool-env";

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
 * lifecycle code uses), plus anyone whose latest insight flags a risk. Shared by the
 * assistant tool and the dashboard "today" brief.
 */
export async function findFollowUps(
  env: Pick<ToolEnv, "ctx">,
  quietDays: number | undefined,
  limit: number,
): Promise<FollowUp[]> {
  const { ctx } = env;
  const r = await asUser(env as ToolEnv, async (tx) => {
    const days = quietDays ?? (await readCrmSettings(tx, ctx.userId)).atRiskDays;
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
      ORDER BY (c.stage = 'At Risk Client') DESC, c.last_interaction_at ASC NULLS LAST LIMIT ${limit}`);
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

export function listFollowUpsTool(env: ToolEnv) {
  return tool({
    description:
      "List contacts who need a follow-up (quiet for a while, at risk, or flagged by insights). " +
      "Leave quietDays out to use the user's own at-risk threshold.",
    inputSchema: z.object({
      quietDays: z.number().int().min(1).max(365).optional(),
      limit: z.number().int().min(1).max(30).default(10),
    }),
    execute: (args) =>
      recordTool(env, "list_follow_ups", args, async () => {
        const rows = await findFollowUps(env, args.quietDays, args.limit);
        for (const f of rows)
          cite(env, { type: "contact", id: f.contactId, title: f.name, href: contactHref(f.contactId) });
        return { result: { followUps: rows.map((f) => ({ ...f, link: contactHref(f.contactId) })) } };
      }),
  });
}

/** upcoming_sessions: future calendar interactions (meetings, sessions) with who attends. */
export function upcomingSessionsTool(env: ToolEnv) {
  return tool({
    description: "List upcoming sessions and meetings from the calendar within the next N days.",
    inputSchema: z.object({ days: z.number().int().min(1).max(60).default(7) }),
    execute: (args) =>
      recordTool(env, "upcoming_sessions", args, async () => {
        const r = await asUser(env, (tx) =>
          tx.execute<{
            id: string;
            occurred_at: string;
            subject: string | null;
            contact_id: string | null;
            name: string | null;
          }>(sql`
            SELECT i.id, i.occurred_at::text, i.subject, c.id AS contact_id, c.display_name AS name
            FROM interactions i
            LEFT JOIN interaction_contacts ic ON ic.interaction_id = i.id
            LEFT JOIN contacts c ON c.id = ic.contact_id AND c.deleted_at IS NULL
            WHERE i.user_id = ${env.ctx.userId} AND i.type IN ('meeting', 'session')
              AND i.occurred_at > now() AND i.occurred_at < now() + make_interval(days => ${args.days})
            ORDER BY i.occurred_at ASC LIMIT 50`),
        );
        const sessions = r.rows.map((s) => {
          if (s.contact_id && s.name)
            cite(env, { type: "contact", id: s.contact_id, title: s.name, href: contactHref(s.contact_id) });
          return {
            id: s.id,
            startsAt: s.occurred_at,
            title: quoteUntrusted("calendar", s.subject, 200),
            contactId: s.contact_id,
            contactName: s.name,
            link: interactionHref(s.contact_id, s.id),
          };
        });
        return { result: { sessions } };
      }),
  });
}
