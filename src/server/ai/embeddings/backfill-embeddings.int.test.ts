import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { dbCapabilities } from "../../db/capabilities";
import { withUser } from "../../db/with-user";
import { AppError, errorStatus } from "../../errors";
import { forceQueueMode } from "../../jobs/dispatch";
import { processQueuedNow } from "../../jobs/process-queued-now";
import { useTestDb } from "../../testing/test-db";
import { setAiModelsForTests } from "../provider";
import { addContact, addInteraction, addNote, newUserCtx } from "../testing/fixtures";
import { mockAi } from "../testing/mock-ai";
import { backfillEmbeddings } from "./backfill-embeddings";
import { embedOwners } from "./embed-owners";
import { embeddingBackfillTick } from "./embedding-backfill-tick";
import { getEmbeddingCoverage } from "./get-embedding-coverage";

let h: DbHandle;
let vector = false;
beforeAll(async () => {
  forceQueueMode("embedded");
  h = await useTestDb();
  vector = (await dbCapabilities(h.db)).vector;
});
afterAll(() => forceQueueMode(undefined));
afterEach(() => setAiModelsForTests(undefined));

type Ctx = Awaited<ReturnType<typeof newUserCtx>>;

/** Content written while no provider was configured: nothing embedded, nothing queued. */
async function seed(ctx: Ctx) {
  const a = await addContact(h, ctx.userId, { name: "Ada Backfill", email: "ada@example.com" });
  const b = await addContact(h, ctx.userId, { name: "Ben Backfill" });
  const i1 = await addInteraction(h, ctx.userId, a, { subject: "Shoulder", body: "Tension after class." });
  const i2 = await addInteraction(h, ctx.userId, b, { body: "Wants evening sessions." });
  await addInteraction(h, ctx.userId, b, { body: "   " }); // no text: nothing to embed
  const n1 = await addNote(h, ctx.userId, a, "Prefers gentle pressure.");
  return { contacts: [a, b], interactions: [i1, i2], notes: [n1] };
}

async function embedJobs(userId: string) {
  const r = await withUser({ db: h.db, userId }, (tx) =>
    tx.execute<{ payload: { ownerType: string; ownerIds: string[] }; status: string }>(
      sql`SELECT payload, status FROM jobs WHERE kind = 'embed'`,
    ),
  );
  return r.rows;
}

const queuedIds = (jobs: Awaited<ReturnType<typeof embedJobs>>) =>
  jobs.flatMap((j) => j.payload.ownerIds.map((id) => `${j.payload.ownerType}:${id}`)).sort();

describe("embedding backfill", () => {
  it("without a provider answers 503 ai_not_configured and coverage says why", async () => {
    setAiModelsForTests(null);
    const ctx = await newUserCtx(h);
    await seed(ctx);
    const err = await backfillEmbeddings(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("ai_not_configured");
    expect(errorStatus[(err as AppError).code]).toBe(503);
    const cov = await getEmbeddingCoverage(ctx);
    expect(cov).toMatchObject({ status: "no_provider", total: 5, indexed: 0 });
    expect(await embedJobs(ctx.userId)).toEqual([]);
  });

  it("queues exactly the missing items once, fills coverage, and never touches another user", async (t) => {
    setAiModelsForTests(mockAi().models);
    const ctx = await newUserCtx(h);
    const other = await newUserCtx(h);
    const mine = await seed(ctx);
    await seed(other);
    if (!vector) {
      // Real Postgres without pgvector: a clear answer instead of jobs that could only skip.
      const err = await backfillEmbeddings(ctx).catch((e: unknown) => e);
      expect((err as AppError).code).toBe("service_unavailable");
      expect((err as AppError).details).toMatchObject({ reason: "no_pgvector" });
      expect((await getEmbeddingCoverage(ctx)).status).toBe("no_pgvector");
      t.skip();
      return;
    }
    // One interaction was embedded when it was written.
    await embedOwners(ctx, { ownerType: "interaction", ownerIds: [mine.interactions[0]!] });
    expect(await getEmbeddingCoverage(ctx)).toMatchObject({
      status: "ready",
      total: 5,
      indexed: 1,
      pending: 0,
    });

    const first = await backfillEmbeddings(ctx);
    expect(first).toEqual({ queued: 4, jobs: 3, more: false });
    const expected = [
      ...mine.contacts.map((id) => `contact:${id}`),
      `interaction:${mine.interactions[1]}`,
      `note:${mine.notes[0]}`,
    ].sort();
    expect(queuedIds(await embedJobs(ctx.userId))).toEqual(expected);
    expect(await getEmbeddingCoverage(ctx)).toMatchObject({ indexed: 1, pending: 4 });

    // Again while those jobs are live: nothing new.
    expect(await backfillEmbeddings(ctx)).toEqual({ queued: 0, jobs: 0, more: false });
    expect(await embedJobs(ctx.userId)).toHaveLength(3);

    await processQueuedNow(ctx);
    expect((await embedJobs(ctx.userId)).map((j) => j.status)).toEqual(["done", "done", "done"]);
    const cov = await getEmbeddingCoverage(ctx);
    expect(cov).toMatchObject({ total: 5, indexed: 5, pending: 0 });
    expect(cov.byType).toEqual({
      contact: { total: 2, indexed: 2 },
      interaction: { total: 2, indexed: 2 },
      note: { total: 1, indexed: 1 },
    });
    expect(await backfillEmbeddings(ctx)).toEqual({ queued: 0, jobs: 0, more: false });

    // The other user's content was neither queued nor embedded.
    expect(await embedJobs(other.userId)).toEqual([]);
    expect(await getEmbeddingCoverage(other)).toMatchObject({ total: 5, indexed: 0, pending: 0 });

    // A new embedding model makes every item missing again.
    setAiModelsForTests({ ...mockAi().models, embeddingModelId: "text-embedding-3-large" });
    expect(await getEmbeddingCoverage(ctx)).toMatchObject({ total: 5, indexed: 0 });
    expect((await backfillEmbeddings(ctx)).queued).toBe(5);
  });

  it("is bounded per call and says more remain", async (t) => {
    if (!vector) return t.skip();
    setAiModelsForTests(mockAi().models);
    const ctx = await newUserCtx(h);
    await seed(ctx);
    expect(await backfillEmbeddings(ctx, { maxOwners: 2 })).toEqual({ queued: 2, jobs: 1, more: true });
    expect(await backfillEmbeddings(ctx, { maxOwners: 2 })).toEqual({ queued: 2, jobs: 1, more: true });
    expect(await backfillEmbeddings(ctx, { maxOwners: 2 })).toEqual({ queued: 1, jobs: 1, more: false });
  });

  it("the scheduled tick queues only for users with missing items, once", async (t) => {
    if (!vector) return t.skip();
    setAiModelsForTests(mockAi().models);
    const gap = await newUserCtx(h);
    const full = await newUserCtx(h);
    await seed(gap);
    await seed(full);
    await backfillEmbeddings(full);
    await processQueuedNow(full);
    const only = { onlyUserIds: [gap.userId, full.userId] };
    const sys = { db: h.db, log: gap.log };
    expect(await embeddingBackfillTick(sys, only)).toEqual({ users: 1, queued: 5 });
    expect(await embeddingBackfillTick(sys, only)).toEqual({ users: 0, queued: 0 });
    expect(queuedIds(await embedJobs(gap.userId))).toHaveLength(5);
    setAiModelsForTests(null);
    expect(await embeddingBackfillTick(sys, only)).toEqual({ users: 0, queued: 0 });
  });
});
