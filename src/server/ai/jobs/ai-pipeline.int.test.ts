import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { dbCapabilities } from "../../db/capabilities";
import { withUser } from "../../db/with-user";
import { createContact } from "../../contacts/create-contact";
import { commitImport } from "../../file-imports/commit-import";
import { undoImport } from "../../file-imports/undo-import";
import { createNote } from "../../notes/create-note";
import { deleteNote } from "../../notes/delete-note";
import { updateNote } from "../../notes/update-note";
import { approveImport } from "../../sync/approve-import";
import { syncGmail } from "../../sync/sync-gmail";
import { connectedUser, setupGoogleEmulator } from "../../sync/testing/google-test-env";
import { undoBatch } from "../../sync/undo-batch";
import { useTestDb } from "../../testing/test-db";
import { embedOwners } from "../embeddings/embed-owners";
import { setAiModelsForTests } from "../provider";
import { mockAi } from "../testing/mock-ai";
import { INSIGHT_DELAY_MS } from "./enqueue-ai-jobs";

// The pipeline's AI tail: raw events → interactions → contacts → embeddings → insights.
let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterEach(() => setAiModelsForTests(undefined));
const { emu } = setupGoogleEmulator();
const small = { mailbox: { messages: 30, includeFixtures: true } };

type JobRow = {
  kind: string;
  payload: { ownerType?: string; ownerIds?: string[]; contactId?: string };
  batch_id: string | null;
  dedupe_key: string | null;
  run_after: string;
  status: string;
};

async function aiJobs(userId: string): Promise<JobRow[]> {
  const r = await withUser({ db: h.db, userId }, (tx) =>
    tx.execute<JobRow>(sql`SELECT kind, payload, batch_id, dedupe_key, run_after::text, status FROM jobs
      WHERE kind IN ('embed', 'insight') ORDER BY created_at`),
  );
  return r.rows;
}

async function rows<T>(userId: string, q: ReturnType<typeof sql>): Promise<T[]> {
  return (await withUser({ db: h.db, userId }, (tx) => tx.execute<Record<string, unknown>>(q))).rows as T[];
}

describe("AI work queued by the import pipeline and notes", () => {
  it("an import queues embed for its interactions and one debounced insight per contact; undo removes its embeddings", async () => {
    setAiModelsForTests(mockAi().models);
    const { ctx } = await connectedUser(h, emu(), small);
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    const t0 = Date.now();
    await syncGmail(ctx, { batchId, incremental: false });
    const interactions = await rows<{ id: string }>(ctx.userId, sql`SELECT id FROM interactions`);
    const linked = await rows<{ contact_id: string }>(
      ctx.userId,
      sql`SELECT DISTINCT contact_id FROM interaction_contacts`,
    );
    expect(interactions.length).toBeGreaterThan(10);
    expect(linked.length).toBeGreaterThan(1);

    const jobs = await aiJobs(ctx.userId);
    const embeds = jobs.filter((j) => j.kind === "embed");
    const vector = (await dbCapabilities(h.db)).vector;
    expect(embeds.every((j) => j.batch_id === batchId && j.payload.ownerType === "interaction")).toBe(true);
    // Without pgvector nothing can be stored, so no embed job is queued at all.
    expect(embeds.flatMap((j) => j.payload.ownerIds).sort()).toEqual(
      vector ? interactions.map((i) => i.id).sort() : [],
    );
    const insights = jobs.filter((j) => j.kind === "insight");
    expect(insights.map((j) => j.payload.contactId).sort()).toEqual(linked.map((l) => l.contact_id).sort());
    expect(insights.every((j) => j.dedupe_key === `insight:${j.payload.contactId}` && !j.batch_id)).toBe(
      true,
    );
    expect(insights.every((j) => new Date(j.run_after).getTime() >= t0 + INSIGHT_DELAY_MS - 1000)).toBe(true);

    // A second import of the same mailbox adds nothing new: no more embed jobs, no second insight job.
    const again = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId: again.batchId, incremental: false });
    const after = await aiJobs(ctx.userId);
    expect(after.filter((j) => j.kind === "embed")).toHaveLength(embeds.length);
    expect(after.filter((j) => j.kind === "insight")).toHaveLength(insights.length);

    if (!vector) return;
    for (const j of embeds)
      await embedOwners(ctx, { ownerType: "interaction", ownerIds: j.payload.ownerIds! });
    const embedded = await rows<{ n: number }>(
      ctx.userId,
      sql`SELECT count(DISTINCT owner_id)::int AS n FROM embeddings WHERE owner_type = 'interaction'`,
    );
    expect(embedded[0]!.n).toBe(interactions.length);
    await undoBatch(ctx, { batchId });
    const left = await rows<{ n: number }>(
      ctx.userId,
      sql`SELECT count(*)::int AS n FROM embeddings WHERE owner_type IN ('interaction', 'contact')`,
    );
    expect(left[0]!.n).toBe(0);
  });

  it("an insight job waits until a day after the contact's latest insight", async () => {
    setAiModelsForTests(mockAi().models);
    const { ctx } = await connectedUser(h, emu(), small);
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });
    const [first] = (await aiJobs(ctx.userId)).filter((j) => j.kind === "insight");
    const contactId = first!.payload.contactId!;
    // Pretend the first job ran an hour ago, then new mail arrives for the same contact.
    await withUser({ db: h.db, userId: ctx.userId }, async (tx) => {
      await tx.execute(sql`UPDATE jobs SET status = 'done' WHERE kind = 'insight'`);
      await tx.execute(sql`INSERT INTO ai_insights (user_id, subject_type, subject_id, kind, content, created_at)
        VALUES (${ctx.userId}, 'contact', ${contactId}, 'summary', '{}'::jsonb, now() - interval '1 hour')`);
    });
    await withUser({ db: h.db, userId: ctx.userId }, (tx) => tx.execute(sql`DELETE FROM interactions`));
    await syncGmail(ctx, { batchId: null, incremental: false });
    const next = (await aiJobs(ctx.userId)).find(
      (j) => j.kind === "insight" && j.status === "queued" && j.payload.contactId === contactId,
    );
    const waitH = (new Date(next!.run_after).getTime() - Date.now()) / 3_600_000;
    expect(waitH).toBeGreaterThan(22.5);
    expect(waitH).toBeLessThan(23.5);
  });

  it("without a provider nothing is queued: no embed or insight job after an import or a note", async () => {
    setAiModelsForTests(null);
    const { ctx } = await connectedUser(h, emu(), small);
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });
    const c = await createContact(ctx, { displayName: "No AI" });
    await createNote(ctx, { contactId: c.id, body: "plain note" });
    expect(await aiJobs(ctx.userId)).toEqual([]);
  });

  it("note create and edit queue embed; delete removes the note's embeddings", async () => {
    setAiModelsForTests(mockAi().models);
    const { ctx } = await connectedUser(h, emu(), small);
    const c = await createContact(ctx, { displayName: "Noted" });
    const n = await createNote(ctx, { contactId: c.id, body: "Prefers evening sessions." });
    await updateNote(ctx, { id: n.id, patch: { pinned: true } }); // no text change: nothing to embed
    await updateNote(ctx, { id: n.id, patch: { body: "Prefers morning sessions now." } });
    const jobs = (await aiJobs(ctx.userId)).filter((j) => j.kind === "embed");
    if (!(await dbCapabilities(h.db)).vector) return expect(jobs).toEqual([]);
    expect(jobs.map((j) => j.payload)).toEqual([
      { ownerType: "note", ownerIds: [n.id] },
      { ownerType: "note", ownerIds: [n.id] },
    ]);
    await embedOwners(ctx, { ownerType: "note", ownerIds: [n.id] });
    await deleteNote(ctx, { id: n.id });
    const left = await rows<{ n: number }>(ctx.userId, sql`SELECT count(*)::int AS n FROM embeddings`);
    expect(left[0]!.n).toBe(0);
  });

  it("a CSV import queues embed for its contacts and notes; undoing it removes their embeddings", async () => {
    setAiModelsForTests(mockAi().models);
    const { ctx } = await connectedUser(h, emu(), small);
    const csv = "Name,Email,Notes\r\nAna Silva,ana@x.org,likes mornings\r\nCarl Berg,carl@x.org,";
    const { batchId } = await commitImport(ctx, { text: csv, filename: "clients.csv" });
    const ids = await rows<{ id: string; kind: string }>(
      ctx.userId,
      sql`SELECT id, 'contact' AS kind FROM contacts UNION ALL SELECT id, 'note' FROM notes`,
    );
    const jobs = (await aiJobs(ctx.userId)).filter((j) => j.kind === "embed");
    if (!(await dbCapabilities(h.db)).vector) return expect(jobs).toEqual([]);
    expect(jobs.every((j) => j.batch_id === batchId)).toBe(true);
    expect(jobs.map((j) => j.payload.ownerType).sort()).toEqual(["contact", "note"]);
    expect(jobs.flatMap((j) => j.payload.ownerIds).sort()).toEqual(ids.map((x) => x.id).sort());
    for (const j of jobs)
      await embedOwners(ctx, {
        ownerType: j.payload.ownerType as "contact" | "note",
        ownerIds: j.payload.ownerIds!,
      });
    const count = async () =>
      (await rows<{ n: number }>(ctx.userId, sql`SELECT count(*)::int AS n FROM embeddings`))[0]!.n;
    expect(await count()).toBe(3);
    await undoImport(ctx, { batchId });
    expect(await count()).toBe(0);
  });
});
