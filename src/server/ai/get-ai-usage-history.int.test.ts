import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { useTestDb } from "../testing/test-db";
import { updateProfile } from "../profile/update-profile";
import { newUserCtx } from "./testing/fixtures";
import { getAiUsageHistory } from "./get-ai-usage-history";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

describe("AI usage history", () => {
  it("buckets cost by the user's local day, 30 days, zeros included, newest calls listed", async () => {
    const ctx = await newUserCtx(h);
    const other = await newUserCtx(h);
    const tz = "Pacific/Auckland"; // UTC+12/13: local 00:30 is the previous day in UTC
    await updateProfile(ctx, { timeZone: tz });
    await withUser(ctx, (tx) =>
      tx.execute(sql`INSERT INTO ai_usage (user_id, model, operation, input_tokens, output_tokens, cost_usd, created_at)
        VALUES
        (${ctx.userId}, 'm', 'chat', 10, 5, 0.25, (date_trunc('day', now() AT TIME ZONE ${tz}) + interval '30 minutes') AT TIME ZONE ${tz}),
        (${ctx.userId}, 'm', 'embed', 3, 0, 0.5, (date_trunc('day', now() AT TIME ZONE ${tz}) + interval '20 minutes') AT TIME ZONE ${tz}),
        (${ctx.userId}, 'm', 'chat', 1, 1, 9, now() - interval '40 days')`),
    );
    await withUser(other, (tx) =>
      tx.execute(
        sql`INSERT INTO ai_usage (user_id, model, operation, cost_usd) VALUES (${other.userId}, 'm', 'chat', 7)`,
      ),
    );
    const r = await getAiUsageHistory(ctx);
    expect(r.timeZone).toBe(tz);
    expect(r.days).toHaveLength(30);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date());
    expect(r.days.at(-1)).toEqual({ date: today, requests: 2, costUsd: 0.75 });
    expect(r.days.slice(0, -1).every((d) => d.requests === 0 && d.costUsd === 0)).toBe(true);
    expect(r.recent.map((x) => x.operation)).toEqual(["chat", "embed", "chat"]);
    expect(r.recent[0]).toMatchObject({ inputTokens: 10, outputTokens: 5, costUsd: 0.25 });
  });
});
