import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { dbCapabilities } from "../../db/capabilities";
import { withUser } from "../../db/with-user";
import { useTestDb } from "../../testing/test-db";
import { embedOwners } from "../embeddings/embed-owners";
import { setAiModelsForTests } from "../provider";
import { addContact, addInteraction, addNote, newUserCtx } from "../testing/fixtures";
import { mockAi } from "../testing/mock-ai";
import { searchAll } from "./search-all";
import { nearestChunksSql } from "./semantic-hits";
import { toVectorLiteral } from "../embeddings/vector";

// A fixed corpus and paraphrase queries that share (almost) no words with their target:
// keyword search cannot find them; embeddings (deterministic concept vectors) can.
const corpus = [
  {
    key: "fatigue",
    name: "Maya Lopez",
    subject: "Week check-in",
    body: "Completely exhausted and low on energy all week.",
  },
  {
    key: "knee",
    name: "Sam Rivers",
    subject: "After the half marathon",
    body: "The knee has been aching since the race.",
  },
  {
    key: "postpone",
    name: "Ana Park",
    subject: "Thursday class",
    body: "Need to postpone Thursday because of a work trip abroad.",
  },
  {
    key: "invoice",
    name: "Lee Chen",
    subject: "March invoice",
    body: "Invoice for March attached, please settle by Friday.",
  },
  {
    key: "wedding",
    name: "Kim Ito",
    subject: "Big day coming",
    body: "Feeling anxious and overwhelmed before the wedding.",
  },
  {
    key: "back",
    name: "Noa Berg",
    subject: "Gardening",
    body: "Lower spine soreness after a weekend of gardening.",
  },
  {
    key: "breath",
    name: "Ravi Shah",
    subject: "New practice",
    body: "Wants to try breathwork and mindfulness at home.",
  },
  { key: "thanks", name: "Eva Ruiz", subject: "Thank you", body: "Thanks for the lovely session yesterday!" },
];

const queries: { q: string; expect: string }[] = [
  { q: "tired fatigue", expect: "fatigue" },
  { q: "joint pain running", expect: "knee" },
  { q: "reschedule travel", expect: "postpone" },
  { q: "billing payment", expect: "invoice" },
  { q: "stress married", expect: "wedding" },
  { q: "back ache", expect: "back" },
  { q: "meditation", expect: "breath" },
  { q: "march invoice", expect: "invoice" }, // a literal query keyword search gets right too
];

let h: DbHandle;
let vector: boolean;

describe("embeddings and hybrid search", () => {
  beforeAll(async () => {
    h = await useTestDb();
    vector = (await dbCapabilities(h.db)).vector;
  });
  afterEach(() => setAiModelsForTests(undefined));

  async function seed() {
    const ctx = await newUserCtx(h);
    const ids = new Map<string, string>();
    for (const c of corpus) {
      const contact = await addContact(h, ctx.userId, { name: c.name });
      ids.set(c.key, await addInteraction(h, ctx.userId, contact, { subject: c.subject, body: c.body }));
    }
    return { ctx, ids };
  }

  it("falls back to keyword and says why when there is no provider", async () => {
    setAiModelsForTests(null);
    const { ctx } = await seed();
    const r = await searchAll(ctx, { q: "march invoice", mode: "hybrid", limit: 5 });
    expect(r).toMatchObject({ modeUsed: "keyword", fallbackReason: "no_provider" });
    expect(r.results[0]?.title).toBe("March invoice");
  });

  it.runIf(!process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL)("PGlite has pgvector", () => {
    expect(vector).toBe(true);
  });

  it("without pgvector records nothing and search falls back to keyword", async (t) => {
    if (vector) t.skip();
    const m = mockAi();
    setAiModelsForTests(m.models);
    const { ctx, ids } = await seed();
    expect(await embedOwners(ctx, { ownerType: "interaction", ownerIds: [...ids.values()] })).toMatchObject({
      skipped: "no_pgvector",
    });
    expect(m.embedding.doEmbedCalls).toHaveLength(0);
    const r = await searchAll(ctx, { q: "tired fatigue", mode: "semantic", limit: 5 });
    expect(r).toMatchObject({ modeUsed: "keyword", fallbackReason: "no_pgvector" });
  });

  it("embeds idempotently: unchanged content is skipped by its hash, edits re-embed only what changed", async (t) => {
    if (!vector) t.skip();
    const m = mockAi();
    setAiModelsForTests(m.models);
    const { ctx, ids } = await seed();
    const contactId = (
      await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
        tx.execute<{ id: string }>(sql`SELECT id FROM contacts LIMIT 1`),
      )
    ).rows[0]!.id;
    const noteId = await addNote(h, ctx.userId, contactId, "Prefers morning sessions. ".repeat(120));
    const first = await embedOwners(ctx, { ownerType: "interaction", ownerIds: [...ids.values()] });
    expect(first).toMatchObject({ embedded: corpus.length, unchanged: 0 });
    const note = await embedOwners(ctx, { ownerType: "note", ownerIds: [noteId] });
    expect(note.embedded).toBeGreaterThan(1); // a long note is chunked
    const calls = m.embedding.doEmbedCalls.length;
    const again = await embedOwners(ctx, { ownerType: "interaction", ownerIds: [...ids.values()] });
    expect(again).toMatchObject({ embedded: 0, unchanged: corpus.length, removed: 0 });
    expect(m.embedding.doEmbedCalls.length).toBe(calls); // no provider call at all
    await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute(sql`UPDATE notes SET body = 'Short now.' WHERE id = ${noteId}`),
    );
    const edited = await embedOwners(ctx, { ownerType: "note", ownerIds: [noteId] });
    expect(edited.embedded).toBe(1);
    expect(edited.removed).toBe(note.embedded - 1);
    const rows = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM embeddings WHERE owner_id = ${noteId}`),
    );
    expect(rows.rows[0]!.n).toBe(1);
  });

  it("hybrid beats keyword-only on paraphrase queries over a fixed corpus", async (t) => {
    if (!vector) t.skip();
    setAiModelsForTests(mockAi().models);
    const { ctx, ids } = await seed();
    expect((await searchAll(ctx, { q: "tired", mode: "hybrid", limit: 5 })).fallbackReason).toBe(
      "no_embeddings",
    );
    await embedOwners(ctx, { ownerType: "interaction", ownerIds: [...ids.values()] });
    const hitsAt3 = { keyword: 0, hybrid: 0 };
    let mrr = { keyword: 0, hybrid: 0 };
    for (const { q, expect: key } of queries) {
      for (const mode of ["keyword", "hybrid"] as const) {
        const r = await searchAll(ctx, { q, mode, limit: 10 });
        expect(r.modeUsed).toBe(mode);
        const rank = r.results.findIndex((x) => x.id === ids.get(key));
        if (rank >= 0 && rank < 3) hitsAt3[mode]++;
        if (rank >= 0) mrr = { ...mrr, [mode]: mrr[mode] + 1 / (rank + 1) };
      }
    }
    expect(hitsAt3.hybrid).toBeGreaterThanOrEqual(queries.length - 1);
    expect(hitsAt3.hybrid).toBeGreaterThan(hitsAt3.keyword);
    expect(mrr.hybrid).toBeGreaterThan(mrr.keyword);
    // The literal query keeps its exact match on top in hybrid mode too.
    const literal = await searchAll(ctx, { q: "march invoice", mode: "hybrid", limit: 3 });
    expect(literal.results[0]?.id).toBe(ids.get("invoice"));
    const semantic = await searchAll(ctx, { q: "stress married", mode: "semantic", limit: 3 });
    expect(semantic.results[0]?.id).toBe(ids.get("wedding"));
  });

  it("search never shows another user's embedded rows", async (t) => {
    if (!vector) t.skip();
    setAiModelsForTests(mockAi().models);
    const { ctx, ids } = await seed();
    await embedOwners(ctx, { ownerType: "interaction", ownerIds: [...ids.values()] });
    const other = await seed(); // same corpus, not embedded
    await embedOwners(other.ctx, { ownerType: "interaction", ownerIds: [[...other.ids.values()][0]!] });
    const r = await searchAll(other.ctx, { q: "stress married", mode: "semantic", limit: 10 });
    const mine = new Set(ids.values());
    expect(r.results.some((x) => mine.has(x.id))).toBe(false);
  });

  it("finds nearest chunks with the HNSW index under RLS, and lists a many-chunk note once", async (t) => {
    if (!vector) t.skip();
    setAiModelsForTests(mockAi().models);
    const { ctx, ids } = await seed();
    await embedOwners(ctx, { ownerType: "interaction", ownerIds: [...ids.values()] });
    const contactId = (
      await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
        tx.execute<{ id: string }>(sql`SELECT id FROM contacts LIMIT 1`),
      )
    ).rows[0]!.id;
    const noteId = await addNote(h, ctx.userId, contactId, "Exhausted, tired, no energy. ".repeat(200));
    expect((await embedOwners(ctx, { ownerType: "note", ownerIds: [noteId] })).embedded).toBeGreaterThan(2);
    const r = await searchAll(ctx, { q: "tired fatigue", mode: "semantic", limit: 10 });
    expect(r.results.filter((x) => x.id === noteId)).toHaveLength(1);
    // On a table this small the planner rightly prefers a btree scan + sort; with sorting
    // priced out it must still be able to answer the query from the HNSW index as the user.
    const plan = await withUser({ db: h.db, userId: ctx.userId }, async (tx) => {
      await tx.execute(
        sql`SELECT set_config('enable_sort', 'off', true), set_config('enable_seqscan', 'off', true)`,
      );
      const vec = toVectorLiteral(new Array<number>(1536).fill(0.01));
      return tx.execute<{ "QUERY PLAN": string }>(sql`EXPLAIN ${nearestChunksSql(ctx.userId, vec, 40)}`);
    });
    expect(plan.rows.map((x) => x["QUERY PLAN"]).join("\n")).toContain("embeddings_hnsw_idx");
  });
});
