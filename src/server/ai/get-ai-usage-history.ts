import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { getUserTimeZone } from "../profile/get-user-time-zone";

export const aiUsageHistorySchema = z.object({
  timeZone: z.string(),
  /** One entry per day of the last 30 days in the user's time zone, oldest first (zeros included). */
  days: z.array(z.object({ date: z.string(), requests: z.number().int(), costUsd: z.number() })),
  /** The 20 most recent AI calls. */
  recent: z.array(
    z.object({
      at: z.string(),
      operation: z.string(),
      model: z.string(),
      inputTokens: z.number().int(),
      outputTokens: z.number().int(),
      costUsd: z.number(),
    }),
  ),
});
export type AiUsageHistory = z.infer<typeof aiUsageHistorySchema>;

const DAYS = 30;

/** What the AI cost day by day (user's local days) and the latest calls, for the settings chart. */
export async function getAiUsageHistory(ctx: Ctx): Promise<AiUsageHistory> {
  const tz = await getUserTimeZone(ctx);
  return withUser(ctx, async (tx) => {
    const days = await tx.execute<{ day: string; requests: number; cost: string }>(sql`
      WITH span AS (
        SELECT generate_series((now() AT TIME ZONE ${tz})::date - ${DAYS - 1}::int,
                               (now() AT TIME ZONE ${tz})::date, interval '1 day')::date AS day)
      SELECT to_char(s.day, 'YYYY-MM-DD') AS day, count(u.id)::int AS requests,
             coalesce(sum(u.cost_usd), 0)::text AS cost
      FROM span s LEFT JOIN ai_usage u ON u.user_id = ${ctx.userId}
        AND (u.created_at AT TIME ZONE ${tz})::date = s.day
      GROUP BY s.day ORDER BY s.day`);
    const recent = await tx.execute<{
      created_at: Date | string;
      operation: string;
      model: string;
      input_tokens: number;
      output_tokens: number;
      cost_usd: string;
    }>(sql`SELECT created_at, operation, model, input_tokens, output_tokens, cost_usd::text AS cost_usd
      FROM ai_usage WHERE user_id = ${ctx.userId} ORDER BY created_at DESC LIMIT 20`);
    return {
      timeZone: tz,
      days: days.rows.map((d) => ({ date: d.day, requests: Number(d.requests), costUsd: Number(d.cost) })),
      recent: recent.rows.map((r) => ({
        at: new Date(r.created_at).toISOString(),
        operation: r.operation,
        model: r.model,
        inputTokens: Number(r.input_tokens),
        outputTokens: Number(r.output_tokens),
        costUsd: Number(r.cost_usd),
      })),
    };
  });
}
