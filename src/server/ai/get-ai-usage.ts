import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { isAiConfigured } from "./provider";

export type AiUsageSummary = {
  configured: boolean;
  creditsMonthly: number;
  creditsLeft: number;
  todayCostUsd: number;
  monthCostUsd: number;
  dailyCostCapUsd: number | null;
  requestsPerMinute: number;
};

/** Credits left this calendar month and what today and this month cost (USD). */
export async function getAiUsage(ctx: Ctx): Promise<AiUsageSummary> {
  const e = env();
  const r = await withUser(ctx, (tx) =>
    tx.execute<{ credits_left: number | null; today: string; month: string }>(sql`
      SELECT
        (SELECT credits_left FROM ai_quotas WHERE user_id = ${ctx.userId}
           AND period_start = date_trunc('month', now() AT TIME ZONE 'UTC')::date) AS credits_left,
        (SELECT coalesce(sum(cost_usd), 0)::text FROM ai_usage WHERE user_id = ${ctx.userId}
           AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AS today,
        (SELECT coalesce(sum(cost_usd), 0)::text FROM ai_usage WHERE user_id = ${ctx.userId}
           AND created_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AS month`),
  );
  const row = r.rows[0];
  return {
    configured: isAiConfigured(),
    creditsMonthly: e.AI_CREDITS_MONTHLY,
    creditsLeft: row?.credits_left ?? e.AI_CREDITS_MONTHLY,
    todayCostUsd: Number(row?.today ?? 0),
    monthCostUsd: Number(row?.month ?? 0),
    dailyCostCapUsd: e.AI_DAILY_COST_CAP_USD > 0 ? e.AI_DAILY_COST_CAP_USD : null,
    requestsPerMinute: e.RATE_LIMIT_AI_PER_MIN,
  };
}
