import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { getUserTimeZone } from "../profile/get-user-time-zone";

const WEEKS = 12;

export const contactActivitySchema = z.object({
  /** Interactions and notes per local week (Monday first), the last 12 weeks, oldest first. */
  weeks: z.array(z.object({ weekStart: z.string(), count: z.number().int() })),
});
export type ContactActivity = z.infer<typeof contactActivitySchema>;

/** How often this contact was in touch, week by week, for the contact page's sparkline. */
export async function getContactActivity(ctx: Ctx, input: { id: string }): Promise<ContactActivity> {
  const tz = await getUserTimeZone(ctx);
  return withUser(ctx, async (tx) => {
    const found = await tx.execute(
      sql`SELECT 1 FROM contacts WHERE id = ${input.id} AND user_id = ${ctx.userId} AND deleted_at IS NULL`,
    );
    if (!found.rows.length) throw new AppError("not_found");
    const r = await tx.execute<{ week: string; n: number }>(sql`
      WITH w AS (
        SELECT gs::date AS week_start FROM generate_series(
          date_trunc('week', now() AT TIME ZONE ${tz}) - ${`${WEEKS - 1} weeks`}::interval,
          date_trunc('week', now() AT TIME ZONE ${tz}), interval '1 week') gs),
      ev AS (
        SELECT ic.occurred_at AS at FROM interaction_contacts ic
          WHERE ic.contact_id = ${input.id} AND ic.user_id = ${ctx.userId} AND ic.occurred_at <= now()
        UNION ALL
        SELECT n.created_at FROM notes n WHERE n.contact_id = ${input.id} AND n.user_id = ${ctx.userId})
      SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week, count(ev.at)::int AS n
      FROM w LEFT JOIN ev ON ev.at >= w.week_start::timestamp AT TIME ZONE ${tz}
        AND ev.at < (w.week_start + 7)::timestamp AT TIME ZONE ${tz}
      GROUP BY w.week_start ORDER BY w.week_start`);
    return { weeks: r.rows.map((x) => ({ weekStart: x.week, count: Number(x.n) })) };
  });
}
