import { sql } from "drizzle-orm";
import { APICallError } from "ai";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { withUser } from "../../db/with-user";
import { useTestDb } from "../../testing/test-db";
import { updateCrmSettings } from "../../crm-settings/crm-settings";
import { getAiUsage } from "../get-ai-usage";
import { setAiModelsForTests } from "../provider";
import { addContact, addInteraction, newUserCtx } from "../testing/fixtures";
import { mockAi, textResult } from "../testing/mock-ai";
import { generateContactInsight } from "./generate-contact-insight";
import { getContactInsight } from "./get-contact-insight";
import { runInsightJob } from "./run-insight-job";
import { getTodayBrief } from "./today-brief";

let h: DbHandle;
const valid = {
  summary: "Regular Tuesday client recovering from a knee injury.",
  nextStep: "Offer a gentle mobility session next week.",
  risk: "medium",
  riskReason: "Has not booked for six weeks.",
  persona: "Runner, prefers mornings",
};

async function insightRows(userId: string) {
  const r = await withUser({ db: h.db, userId }, (tx) =>
    tx.execute<{ status: string; error: string | null }>(
      sql`SELECT status, error FROM ai_insights ORDER BY created_at`,
    ),
  );
  return r.rows;
}

describe("contact insights", () => {
  beforeAll(async () => {
    h = await useTestDb();
  });
  afterEach(() => setAiModelsForTests(undefined));

  it("stores a zod-validated insight with its model and time, and it feeds the today brief", async () => {
    const ctx = await newUserCtx(h);
    const c = await addContact(h, ctx.userId, { name: "Maya Lopez", lastDaysAgo: 42 });
    await addInteraction(h, ctx.userId, c, { subject: "Knee", body: "Knee still sore." });
    setAiModelsForTests(mockAi([textResult(JSON.stringify(valid))]).models);
    const r = await generateContactInsight(ctx, { contactId: c });
    expect(r).toMatchObject({ status: "ok", insight: valid, model: "gpt-4o-mini" });
    expect((await getContactInsight(ctx, c)).insight?.content).toEqual(valid);
    expect((await getAiUsage(ctx)).creditsLeft).toBe(199);
    const brief = await getTodayBrief(ctx);
    expect(brief.followUps[0]).toMatchObject({ contactId: c, nextStep: valid.nextStep });
    expect(brief.followUps[0]!.reason).toContain("no contact for 42 days");
    expect(brief.followUps[0]!.reason).toContain("medium risk");
  });

  it("follows the user's at-risk threshold (default 45 days), not a fixed 30", async () => {
    const ctx = await newUserCtx(h);
    const quiet40 = await addContact(h, ctx.userId, { name: "Quiet Forty", lastDaysAgo: 40 });
    const quiet50 = await addContact(h, ctx.userId, { name: "Quiet Fifty", lastDaysAgo: 50 });
    await addContact(h, ctx.userId, { name: "Recent", lastDaysAgo: 3 });
    const ids = async () => (await getTodayBrief(ctx)).followUps.map((f) => f.contactId);
    expect(await ids()).toEqual([quiet50]);
    await updateCrmSettings(ctx, { atRiskDays: 30 });
    expect(await ids()).toEqual([quiet50, quiet40]);
    await updateCrmSettings(ctx, { atRiskDays: 60 });
    expect(await ids()).toEqual([]);
  });

  it("retries an invalid output once, then records a failure and never stores it as an insight", async () => {
    const ctx = await newUserCtx(h);
    const c = await addContact(h, ctx.userId, { name: "Sam Rivers" });
    const m = mockAi([textResult('{"summary": "x", "risk": "catastrophic"}'), textResult("not json at all")]);
    setAiModelsForTests(m.models);
    const r = await generateContactInsight(ctx, { contactId: c });
    expect(r.status).toBe("failed");
    expect(m.steps()).toBe(2);
    expect(await insightRows(ctx.userId)).toEqual([
      { status: "failed", error: expect.stringContaining("invalid_output") },
    ]);
    expect((await getContactInsight(ctx, c)).insight).toBeNull();
  });

  it("succeeds when the retry returns a valid object", async () => {
    const ctx = await newUserCtx(h);
    const c = await addContact(h, ctx.userId, { name: "Ana Park" });
    setAiModelsForTests(mockAi([textResult("{broken"), textResult(JSON.stringify(valid))]).models);
    expect((await generateContactInsight(ctx, { contactId: c })).status).toBe("ok");
  });

  it("refunds on a provider error and stores nothing", async () => {
    const ctx = await newUserCtx(h);
    const c = await addContact(h, ctx.userId, { name: "Lee Chen" });
    setAiModelsForTests(
      mockAi([
        () => {
          throw new APICallError({ message: "x", url: "x", requestBodyValues: {}, statusCode: 401 });
        },
      ]).models,
    );
    await expect(generateContactInsight(ctx, { contactId: c })).rejects.toMatchObject({
      code: "upstream_error",
    });
    expect(await insightRows(ctx.userId)).toEqual([]);
    expect((await getAiUsage(ctx)).creditsLeft).toBe(200);
  });

  it("debounces the job: at most one insight per contact per day, none for unchanged material", async () => {
    const ctx = await newUserCtx(h);
    const c = await addContact(h, ctx.userId, { name: "Kim Ito" });
    const m = mockAi([textResult(JSON.stringify(valid))]);
    setAiModelsForTests(m.models);
    expect(await runInsightJob(ctx, { contactId: c })).toBe("generated");
    await addInteraction(h, ctx.userId, c, { body: "New email" });
    expect(await runInsightJob(ctx, { contactId: c })).toBe("skipped_recent");
    // A day later with nothing new: still skipped, no model call.
    await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute(sql`UPDATE ai_insights SET created_at = now() - interval '25 hours'`),
    );
    const before = m.steps();
    await runInsightJob(ctx, { contactId: c }); // material changed (new email) → regenerates
    expect(m.steps()).toBe(before + 1);
    await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute(sql`UPDATE ai_insights SET created_at = now() - interval '25 hours'`),
    );
    expect(await runInsightJob(ctx, { contactId: c })).toBe("skipped_unchanged");
    expect(m.steps()).toBe(before + 1);
  });

  it("does not leak another user's contact (404)", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    const c = await addContact(h, a.userId, { name: "Private" });
    setAiModelsForTests(mockAi([textResult(JSON.stringify(valid))]).models);
    await expect(generateContactInsight(b, { contactId: c })).rejects.toMatchObject({ code: "not_found" });
  });
});
