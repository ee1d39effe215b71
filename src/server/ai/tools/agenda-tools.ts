import { tool } from "ai";
import { z } from "zod";
import { listUpcomingSessions } from "../../interactions/list-upcoming-sessions";
import { listFollowUps } from "../../lifecycle/list-follow-ups";
import { quoteUntrusted } from "../untrusted";
import { cite, contactHref, interactionHref, recordTool, type ToolEnv } from "./tool-env";

/** list_follow_ups: the same list as the dashboard's "today" brief (listFollowUps). */
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
        const rows = await listFollowUps(env.ctx, { quietDays: args.quietDays, limit: args.limit });
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
        const rows = await listUpcomingSessions(env.ctx, { days: args.days });
        const sessions = rows.map((s) => {
          if (s.contactId && s.contactName)
            cite(env, {
              type: "contact",
              id: s.contactId,
              title: s.contactName,
              href: contactHref(s.contactId),
            });
          return {
            id: s.id,
            startsAt: s.startsAt,
            title: quoteUntrusted("calendar", s.subject, 200),
            contactId: s.contactId,
            contactName: s.contactName,
            link: interactionHref(s.contactId, s.id),
          };
        });
        return { result: { sessions } };
      }),
  });
}
