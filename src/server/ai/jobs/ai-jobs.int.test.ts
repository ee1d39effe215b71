import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { dbCapabilities } from "../../db/capabilities";
import { withUser } from "../../db/with-user";
import { findJobHandler } from "../../jobs/registry";
import type { JobCtx } from "../../jobs/define-job";
import { useTestDb } from "../../testing/test-db";
import { setAiModelsForTests } from "../provider";
import { addContact, addInteraction, newUserCtx } from "../testing/fixtures";
import { mockAi, textResult } from "../testing/mock-ai";

let h: DbHandle;

function jobCtx(base: Awaited<ReturnType<typeof newUserCtx>>, kind: string): JobCtx {
  return {
    ...base,
    jobId: "00000000-0000-4000-8000-000000000000",
    batchId: null,
    kind,
    attempt: 1,
    maxAttempts: 3,
    signal: new AbortController().signal,
    reportProgress: async () => undefined,
  };
}

describe("AI job handlers", () => {
  beforeAll(async () => {
    h = await useTestDb();
  });
  afterEach(() => setAiModelsForTests(undefined));

  it("embed and insight definitions carry handlers that do the work (idempotently)", async () => {
    setAiModelsForTests(
      mockAi([
        textResult(
          JSON.stringify({ summary: "s", nextStep: "n", risk: "low", riskReason: "r", persona: "p" }),
        ),
      ]).models,
    );
    const ctx = await newUserCtx(h);
    const c = await addContact(h, ctx.userId, { name: "Job Person" });
    const i = await addInteraction(h, ctx.userId, c, { body: "Feeling exhausted." });
    const embed = findJobHandler("embed")!;
    await embed(jobCtx(ctx, "embed"), { ownerType: "interaction", ownerIds: [i] });
    await embed(jobCtx(ctx, "embed"), { ownerType: "interaction", ownerIds: [i] });
    const n = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM embeddings`),
    );
    expect(n.rows[0]!.n).toBe((await dbCapabilities(h.db)).vector ? 1 : 0);
    await findJobHandler("insight")!(jobCtx(ctx, "insight"), { contactId: c, kind: "summary" });
    const ins = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute<{ status: string }>(sql`SELECT status FROM ai_insights`),
    );
    expect(ins.rows).toEqual([{ status: "ok" }]);
  });
});
