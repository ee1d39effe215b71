import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { APICallError } from "ai";
import { resetEnvCache } from "@/lib/env";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { resetCircuitBreakers } from "../resilience/circuit-breaker";
import { getAiUsage } from "./get-ai-usage";
import { setAiModelsForTests } from "./provider";
import { mockAi } from "./testing/mock-ai";
import { withGuardrails } from "./with-guardrails";
import { aiCostUsd, aiTokens, rateLimitRejections } from "../metrics/registry";

let h: DbHandle;
const log = rootLog();
const chatOp = { operation: "chat", credits: 1, perMinute: true } as const;

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

async function newCtx() {
  const u = await createTestUser(h);
  return { db: h.db, userId: u.id, log };
}

async function setCredits(ctx: { userId: string }, n: number) {
  await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
    tx.execute(sql`INSERT INTO ai_quotas (user_id, period_start, credits_left)
      VALUES (${ctx.userId}, date_trunc('month', now() AT TIME ZONE 'UTC')::date, ${n})
      ON CONFLICT (user_id, period_start) DO UPDATE SET credits_left = ${n}`),
  );
}

const ok = async () => ({ value: "hi", usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } });

describe("AI guardrails", () => {
  beforeAll(async () => {
    h = await useTestDb();
    setAiModelsForTests(mockAi().models);
  });
  afterEach(() => {
    setEnv({
      RATE_LIMIT_AI_PER_MIN: undefined,
      AI_DAILY_COST_CAP_USD: undefined,
      AI_CREDITS_MONTHLY: undefined,
    });
    resetCircuitBreakers();
  });

  it("answers 503 ai_not_configured when no provider is configured", async () => {
    setAiModelsForTests(null);
    try {
      await expect(withGuardrails(await newCtx(), chatOp, ok)).rejects.toMatchObject({
        code: "ai_not_configured",
      });
    } finally {
      setAiModelsForTests(mockAi().models);
    }
  });

  it("takes one credit per call and records tokens and cost from the price table", async () => {
    const ctx = await newCtx();
    const r = await withGuardrails(ctx, chatOp, ok);
    expect(r.creditsLeft).toBe(199);
    const usage = await getAiUsage(ctx);
    // gpt-4o-mini: $0.15 per 1M input + $0.60 per 1M output.
    expect(usage.todayCostUsd).toBeCloseTo(0.75, 6);
    expect(usage.monthCostUsd).toBeCloseTo(0.75, 6);
    expect(usage.creditsLeft).toBe(199);
  });

  it("counts the call's tokens and cost in the Prometheus metrics", async () => {
    const read = async () => {
      const tokens = (await aiTokens.get()).values.filter((v) => v.labels.kind === "chat");
      const cost = (await aiCostUsd.get()).values.filter((v) => v.labels.kind === "chat");
      const sum = (xs: { value: number }[]) => xs.reduce((a, x) => a + x.value, 0);
      return { tokens: sum(tokens), cost: sum(cost) };
    };
    const before = await read();
    await withGuardrails(await newCtx(), chatOp, ok);
    const after = await read();
    expect(after.tokens - before.tokens).toBe(2_000_000);
    expect(after.cost - before.cost).toBeCloseTo(0.75, 6);
  });

  it("lets exactly one of two concurrent requests through when one credit is left", async () => {
    const ctx = await newCtx();
    await setCredits(ctx, 1);
    const results = await Promise.allSettled([
      withGuardrails(ctx, chatOp, ok),
      withGuardrails(ctx, chatOp, ok),
    ]);
    const passed = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(passed).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toMatchObject({ code: "rate_limited_monthly", status: 429 });
    expect((await getAiUsage(ctx)).creditsLeft).toBe(0);
  });

  it("refunds the credit when the provider fails, and counts no cost", async () => {
    const ctx = await newCtx();
    const boom = () => {
      throw new APICallError({ message: "overloaded", url: "x", requestBodyValues: {}, statusCode: 503 });
    };
    await expect(withGuardrails(ctx, chatOp, async () => boom())).rejects.toMatchObject({
      code: "upstream_error",
      status: 502,
    });
    const usage = await getAiUsage(ctx);
    expect(usage.creditsLeft).toBe(200);
    expect(usage.todayCostUsd).toBe(0);
  });

  it("limits requests per minute with 429 rate_limited_minute and a Retry-After", async () => {
    setEnv({ RATE_LIMIT_AI_PER_MIN: "2" });
    const ctx = await newCtx();
    await withGuardrails(ctx, chatOp, ok);
    await withGuardrails(ctx, chatOp, ok);
    const rejected = async () =>
      (await rateLimitRejections.get()).values.find((v) => v.labels.group === "ai_minute")?.value ?? 0;
    const before = await rejected();
    const e = await withGuardrails(ctx, chatOp, ok).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: "rate_limited_minute", status: 429 });
    expect((await rejected()) - before).toBe(1);
    expect(Number((e as AppError).headers?.["retry-after"])).toBeGreaterThan(0);
    // A rejected request took no credit.
    expect((await getAiUsage(ctx)).creditsLeft).toBe(198);
  });

  it("stops at the daily cost cap with 402 rate_limited_daily_cost", async () => {
    setEnv({ AI_DAILY_COST_CAP_USD: "1" });
    const ctx = await newCtx();
    await withGuardrails(ctx, chatOp, ok); // $0.75
    await withGuardrails(ctx, chatOp, ok); // $1.50: over the cap only after this call
    await expect(withGuardrails(ctx, chatOp, ok)).rejects.toMatchObject({
      code: "rate_limited_daily_cost",
      status: 402,
    });
  });

  it("answers 429 rate_limited_monthly when credits are used up, and resets next month", async () => {
    const ctx = await newCtx();
    await setCredits(ctx, 0);
    await expect(withGuardrails(ctx, chatOp, ok)).rejects.toMatchObject({ code: "rate_limited_monthly" });
    // Last month's row does not count for this month: a fresh month starts full.
    await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute(
        sql`UPDATE ai_quotas SET period_start = period_start - interval '1 month' WHERE user_id = ${ctx.userId}`,
      ),
    );
    expect((await withGuardrails(ctx, chatOp, ok)).creditsLeft).toBe(199);
  });

  it("opens the circuit after repeated provider failures and fails fast without taking credit", async () => {
    const ctx = await newCtx();
    const fail = async () => {
      throw new APICallError({ message: "down", url: "x", requestBodyValues: {}, statusCode: 500 });
    };
    for (let i = 0; i < 5; i++) await withGuardrails(ctx, chatOp, fail).catch(() => undefined);
    await expect(withGuardrails(ctx, chatOp, ok)).rejects.toMatchObject({ code: "service_unavailable" });
    expect((await getAiUsage(ctx)).creditsLeft).toBe(200);
  });
});
