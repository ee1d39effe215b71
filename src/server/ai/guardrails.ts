import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import type { Ctx } from "../context";
import { withUser, type Tx } from "../db/with-user";
import { AppError } from "../errors";
import { pgArray } from "../db/pg-array";

/** What one guarded call may spend and which limits apply to it. */
export type GuardOptions = {
  /** Recorded in ai_usage.operation. */
  operation: string;
  /** Monthly credits taken up front (0 for cheap background work such as embeddings). */
  credits: number;
  /** Counts against RATE_LIMIT_AI_PER_MIN (interactive calls; background jobs do not). */
  perMinute: boolean;
  model: string;
  /** The most this call can cost (its output cap): the daily cost cap must leave room for it. */
  worstCaseUsd?: number;
};

export type Reserved = {
  usageId: string;
  periodStart: string | null;
  credits: number;
  creditsLeft: number | null;
};

/** Operations that count toward the per-minute limit (their ai_usage rows are counted). */
export const MINUTE_OPS = ["chat", "chat_stream", "insight", "today", "search"] as const;

/**
 * Checks the limits and takes the credit in one transaction. A per-user advisory lock
 * serialises concurrent reservations of the same user so the per-minute count is exact;
 * the credit itself is taken by a single conditional UPDATE, which on its own already
 * guarantees that two requests racing for the last credit cannot both succeed.
 */
export async function reserveCall(ctx: Ctx, o: GuardOptions): Promise<Reserved> {
  const e = env();
  return withUser(ctx, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${"ai:" + ctx.userId}, 0))`);
    if (o.perMinute) await checkMinute(tx, ctx.userId, e.RATE_LIMIT_AI_PER_MIN);
    if (e.AI_DAILY_COST_CAP_USD > 0)
      await checkDailyCost(tx, ctx.userId, e.AI_DAILY_COST_CAP_USD, o.worstCaseUsd ?? 0);
    let periodStart: string | null = null;
    let creditsLeft: number | null = null;
    if (o.credits > 0) ({ periodStart, creditsLeft } = await takeCredits(tx, ctx.userId, o.credits));
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO ai_usage (user_id, model, operation) VALUES (${ctx.userId}, ${o.model}, ${o.operation})
      RETURNING id`);
    return { usageId: r.rows[0]!.id, periodStart, credits: o.credits, creditsLeft };
  });
}

async function checkMinute(tx: Tx, userId: string, limit: number): Promise<void> {
  const ops = pgArray(MINUTE_OPS, "text");
  const r = await tx.execute<{ n: number; oldest_ms: number | null }>(sql`
    SELECT count(*)::int AS n,
      (extract(epoch FROM (now() - min(created_at))) * 1000)::int AS oldest_ms
    FROM ai_usage
    WHERE user_id = ${userId} AND created_at > now() - interval '1 minute' AND operation = ANY(${ops})`);
  const row = r.rows[0];
  if (row && row.n >= limit) {
    const retryAfter = Math.max(1, Math.ceil((60_000 - (row.oldest_ms ?? 0)) / 1000));
    throw new AppError(
      "rate_limited_minute",
      "too many AI requests this minute",
      { limit, retryAfter },
      {
        "retry-after": String(retryAfter),
      },
    );
  }
}

async function checkDailyCost(tx: Tx, userId: string, capUsd: number, worstCaseUsd: number): Promise<void> {
  const r = await tx.execute<{ usd: string }>(sql`
    SELECT coalesce(sum(cost_usd), 0)::text AS usd FROM ai_usage
    WHERE user_id = ${userId} AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`);
  const spent = Number(r.rows[0]?.usd ?? 0);
  if (spent >= capUsd || spent + worstCaseUsd > capUsd)
    throw new AppError("rate_limited_daily_cost", "daily AI cost cap reached", {
      capUsd,
      spentUsd: spent,
      callMaxUsd: Number(worstCaseUsd.toFixed(6)),
    });
}

async function takeCredits(tx: Tx, userId: string, n: number) {
  const monthly = env().AI_CREDITS_MONTHLY;
  await tx.execute(sql`
    INSERT INTO ai_quotas (user_id, period_start, credits_left)
    VALUES (${userId}, date_trunc('month', now() AT TIME ZONE 'UTC')::date, ${monthly})
    ON CONFLICT (user_id, period_start) DO NOTHING`);
  const r = await tx.execute<{ credits_left: number; period_start: string }>(sql`
    UPDATE ai_quotas SET credits_left = credits_left - ${n}, updated_at = now()
    WHERE user_id = ${userId} AND period_start = date_trunc('month', now() AT TIME ZONE 'UTC')::date
      AND credits_left >= ${n} AND credits_left > 0
    RETURNING credits_left, period_start::text AS period_start`);
  const row = r.rows[0];
  if (!row)
    throw new AppError("rate_limited_monthly", "monthly AI credits used up", { creditsMonthly: monthly });
  return { periodStart: row.period_start, creditsLeft: row.credits_left };
}

/** Gives the credit back (provider failure): the user got nothing for it. */
export async function refundCall(ctx: Ctx, r: Reserved): Promise<number | null> {
  if (!r.periodStart || r.credits <= 0) return r.creditsLeft;
  const res = await withUser(ctx, (tx) =>
    tx.execute<{ credits_left: number }>(sql`
      UPDATE ai_quotas SET credits_left = credits_left + ${r.credits}, updated_at = now()
      WHERE user_id = ${ctx.userId} AND period_start = ${r.periodStart}::date
      RETURNING credits_left`),
  );
  return res.rows[0]?.credits_left ?? null;
}

export type CallUsage = { model: string; inputTokens: number; outputTokens: number; costUsd: number };

/** Writes tokens and cost onto the reservation's ai_usage row. */
export async function recordUsage(ctx: Ctx, r: Reserved, u: CallUsage): Promise<void> {
  await withUser(ctx, (tx) =>
    tx.execute(sql`
      UPDATE ai_usage SET model = ${u.model}, input_tokens = ${u.inputTokens},
        output_tokens = ${u.outputTokens}, cost_usd = ${u.costUsd.toFixed(6)}
      WHERE id = ${r.usageId} AND user_id = ${ctx.userId}`),
  );
}
