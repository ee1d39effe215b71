import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { lifecycleStages } from "../db/schema/contacts";
import { withUser } from "../db/with-user";
import { getUserTimeZone } from "../profile/get-user-time-zone";

const MONTHS = 6;
const WEEKS = 12;

export const dashboardChartsSchema = z.object({
  timeZone: z.string(),
  /** Live contacts by the stage they had at the end of each month (this month: now), oldest first. */
  stagesByMonth: z.array(
    z.object({ month: z.string(), counts: z.record(z.enum(lifecycleStages), z.number().int()) }),
  ),
  /** Sessions and meetings (calendar imports and logged ones) per local week (Monday first). */
  sessionsByWeek: z.array(z.object({ weekStart: z.string(), sessions: z.number().int() })),
  /** Contacts added per local month. */
  newContactsByMonth: z.array(z.object({ month: z.string(), contacts: z.number().int() })),
});
export type DashboardCharts = z.infer<typeof dashboardChartsSchema>;

/**
 * The dashboard's charts, every bucket a calendar month or week in the user's time zone.
 * Stage history comes from contact_stage_history (a trigger records each change).
 */
export async function getDashboardCharts(ctx: Ctx): Promise<DashboardCharts> {
  const tz = await getUserTimeZone(ctx);
  const u = ctx.userId;
  return withUser(ctx, async (tx) => {
    const stages = await tx.execute<{ month: string; stage: string; n: number }>(sql`
      WITH m AS (
        SELECT gs::date AS month_start,
               least((gs + interval '1 month') AT TIME ZONE ${tz}, now()) AS at_end
        FROM generate_series(date_trunc('month', now() AT TIME ZONE ${tz}) - ${`${MONTHS - 1} months`}::interval,
                             date_trunc('month', now() AT TIME ZONE ${tz}), interval '1 month') gs)
      SELECT to_char(m.month_start, 'YYYY-MM') AS month, h.stage, count(*)::int AS n
      FROM m
      JOIN contacts c ON c.user_id = ${u} AND c.created_at < m.at_end
        AND (c.deleted_at IS NULL OR c.deleted_at >= m.at_end)
      JOIN LATERAL (SELECT stage FROM contact_stage_history h
        WHERE h.contact_id = c.id AND h.changed_at < m.at_end
        ORDER BY h.changed_at DESC LIMIT 1) h ON true
      GROUP BY 1, 2`);
    const sessions = await tx.execute<{ week: string; n: number }>(sql`
      WITH w AS (
        SELECT gs::date AS week_start FROM generate_series(
          date_trunc('week', now() AT TIME ZONE ${tz}) - ${`${WEEKS - 1} weeks`}::interval,
          date_trunc('week', now() AT TIME ZONE ${tz}), interval '1 week') gs)
      SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week, count(i.id)::int AS n
      FROM w LEFT JOIN interactions i ON i.user_id = ${u} AND i.type IN ('session', 'meeting')
        AND i.occurred_at <= now()
        AND i.occurred_at >= w.week_start::timestamp AT TIME ZONE ${tz}
        AND i.occurred_at < (w.week_start + 7)::timestamp AT TIME ZONE ${tz}
      GROUP BY w.week_start ORDER BY w.week_start`);
    const added = await tx.execute<{ month: string; n: number }>(sql`
      WITH m AS (
        SELECT gs::date AS month_start FROM generate_series(
          date_trunc('month', now() AT TIME ZONE ${tz}) - ${`${MONTHS - 1} months`}::interval,
          date_trunc('month', now() AT TIME ZONE ${tz}), interval '1 month') gs)
      SELECT to_char(m.month_start, 'YYYY-MM') AS month, count(c.id)::int AS n
      FROM m LEFT JOIN contacts c ON c.user_id = ${u} AND c.deleted_at IS NULL
        AND c.created_at >= m.month_start::timestamp AT TIME ZONE ${tz}
        AND c.created_at < (m.month_start + interval '1 month') AT TIME ZONE ${tz}
      GROUP BY m.month_start ORDER BY m.month_start`);
    const empty = () => Object.fromEntries(lifecycleStages.map((s) => [s, 0])) as Record<string, number>;
    const byMonth = new Map(added.rows.map((r) => [r.month, empty()]));
    for (const r of stages.rows) {
      const counts = byMonth.get(r.month);
      if (counts && r.stage in counts) counts[r.stage] = Number(r.n);
    }
    return {
      timeZone: tz,
      stagesByMonth: [...byMonth].map(([month, counts]) => ({
        month,
        counts: counts as DashboardCharts["stagesByMonth"][number]["counts"],
      })),
      sessionsByWeek: sessions.rows.map((r) => ({ weekStart: r.week, sessions: Number(r.n) })),
      newContactsByMonth: added.rows.map((r) => ({ month: r.month, contacts: Number(r.n) })),
    };
  });
}
