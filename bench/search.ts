/**
 * bench:search — keyword (trigram contact lookup, ranked full-text over all types),
 * semantic (pgvector HNSW, 1536 dims, deterministic clustered vectors) and hybrid (keyword +
 * semantic + reciprocal-rank fusion, as searchAll does after embedding the query).
 * p95 latency and recall@10 against exact search (the same scoring over every match / a
 * sequential scan). Keyword sizes: 100k and 500k interactions (+ contacts and notes).
 * Semantic needs pgvector: on a Postgres without it, it runs on an in-memory PGlite.
 *   npm run bench:search -- [--scale 1] [--vectors 100000] [--queries 60] [--json out.json]
 */
import { sql } from "drizzle-orm";
import type { Ctx } from "../src/server/context";
import type { DbHandle } from "../src/server/db/client";
import { openPglite } from "../src/server/db/client";
import { dbCapabilities } from "../src/server/db/capabilities";
import { migrate } from "../src/server/db/migrate";
import { withSystem } from "../src/server/db/with-user";
import { keywordSearch } from "../src/server/search/keyword-search";
import { semanticHits } from "../src/server/ai/search/semantic-hits";
import { reciprocalRankFusion } from "../src/server/ai/search/rrf";
import { rootLog } from "../src/server/log";
import { benchMode, report, type Row } from "./lib/report";
import { seedCrm } from "./lib/seed-crm";
import { summarize, timeEach } from "./lib/stats";
import { benchUser, loadAvg, numArg, openBenchDb, scaled } from "./lib/setup";
import { exactVectorIds, hnswIds, seedVectors, queryVectors } from "./lib/vectors";

const SIZES = [scaled(100_000, 2000), scaled(500_000, 10_000)];
const VECTORS = numArg("vectors", scaled(100_000, 1000));
const Q = numArg("queries", 60);
const NAME_TYPOS = [
  "Grase Rossi",
  "Elena Khn",
  "Jonas Mueller",
  "Priya Ngyuen",
  "Sofai Silva",
  "Hugo Larson",
  "Tariq Coen",
  "Yuki Ivanva",
];
const TEXT = [
  "yoga",
  "massage invoice",
  "w1234",
  "breath",
  "retreat workshop",
  "w42",
  "pilates reminder",
  "cancel",
];

async function exactInteractionScores(h: DbHandle, userId: string, q: string): Promise<number[]> {
  const { prefixTsQuery } = await import("../src/server/search/text-query");
  const ts = prefixTsQuery(q.toLowerCase());
  if (!ts) return [];
  const r = await withSystem(h.db, (tx) =>
    tx.execute<{
      s: number;
    }>(sql`SELECT 0.35 + least(0.6, ts_rank(to_tsvector('simple', coalesce(subject, '')), to_tsquery('simple', ${ts})) * 6) AS s
      FROM interactions WHERE user_id = ${userId} AND to_tsvector('simple', coalesce(subject, '')) @@ to_tsquery('simple', ${ts})
      ORDER BY s DESC LIMIT 10`),
  );
  return r.rows.map((x) => Number(x.s));
}

async function exactContactScores(h: DbHandle, userId: string, q: string): Promise<number[]> {
  // The same match predicates as the search (trigram threshold included), without the
  // per-arm candidate cap, ranked with the same score over every match.
  const { contactCandidates } = await import("../src/server/search/text-query");
  const n = q.toLowerCase();
  const like = n.replace(/[\\%_]/g, "\\$&") + "%";
  const r = await withSystem(h.db, async (tx) => {
    await tx.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)`);
    return tx.execute<{
      s: number;
    }>(sql`SELECT greatest(word_similarity(${n}, search_text), similarity(${n}, lower(display_name)))
        + CASE WHEN lower(display_name) LIKE ${like} THEN 0.3 ELSE 0 END AS s
      FROM contacts WHERE user_id = ${userId} AND deleted_at IS NULL AND id IN (${contactCandidates(userId, q)})
      ORDER BY s DESC LIMIT 10`);
  });
  return r.rows.map((x) => Number(x.s));
}

/** Tie-aware recall@10: a hit counts when its score reaches the exact 10th-best score. */
function recallByScore(got: number[], exact: number[]): number {
  if (!exact.length) return 1;
  const floor = exact[exact.length - 1]! - 0.0006;
  return Math.min(exact.length, got.filter((s) => s >= floor).length) / exact.length;
}

async function keywordRows(
  h: DbHandle,
  ctx: Ctx,
  size: number,
): Promise<{ rows: Row[]; trgm: number; fts: number }> {
  const names = Array.from({ length: Q }, (_, i) => NAME_TYPOS[i % NAME_TYPOS.length]!);
  const texts = Array.from({ length: Q }, (_, i) => TEXT[i % TEXT.length]!);
  const tr = summarize(
    await timeEach(Q, (i) => keywordSearch(ctx, { q: names[i]!, limit: 10, types: ["contact"] })),
  );
  const ft = summarize(await timeEach(Q, (i) => keywordSearch(ctx, { q: texts[i]!, limit: 10 })));
  const rc: number[] = [];
  const ri: number[] = [];
  for (const q of NAME_TYPOS) {
    const got = (await keywordSearch(ctx, { q, limit: 10, types: ["contact"] })).hits.map((x) => x.score);
    rc.push(recallByScore(got, await exactContactScores(h, ctx.userId, q)));
  }
  for (const q of TEXT) {
    const hits = (await keywordSearch(ctx, { q, limit: 10, types: ["interaction"] })).hits;
    const got = hits.map((x) => x.score);
    ri.push(recallByScore(got, await exactInteractionScores(h, ctx.userId, q)));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    rows: [
      {
        items: size,
        query: "trigram contact lookup (typos)",
        p50Ms: tr.p50,
        p95Ms: tr.p95,
        recallAt10: mean(rc),
      },
      {
        items: size,
        query: "ranked full-text, all types",
        p50Ms: ft.p50,
        p95Ms: ft.p95,
        recallAt10: mean(ri),
      },
    ],
    trgm: tr.p95,
    fts: ft.p95,
  };
}

async function semanticRows(h: DbHandle, ctx: Ctx): Promise<{ rows: Row[]; recall: number; hybrid: number }> {
  const owners = await seedVectors(h, ctx.userId, VECTORS);
  const qs = queryVectors(Q, owners.length);
  const exact: string[][] = [];
  for (const v of qs) exact.push(await exactVectorIds(h, ctx.userId, v));
  const rec = (got: string[][]) =>
    got.reduce((s, g, i) => s + g.filter((id) => exact[i]!.includes(id)).length / exact[i]!.length, 0) /
    got.length;
  const direct: string[][] = [];
  const d = summarize(await timeEach(Q, async (i) => direct.push(await hnswIds(h, ctx.userId, qs[i]!))));
  const app: string[][] = [];
  const a = summarize(
    await timeEach(Q, async (i) => app.push((await semanticHits(ctx, qs[i]!, 10)).map((x) => x.id))),
  );
  const hy = summarize(
    await timeEach(Q, async (i) => {
      const [kw, sem] = await Promise.all([
        keywordSearch(ctx, { q: TEXT[i % TEXT.length]!, limit: 20 }).then((r) => r.hits),
        semanticHits(ctx, qs[i]!, 20),
      ]);
      return reciprocalRankFusion([kw, sem], 10);
    }),
  );
  const recall = rec(direct);
  return {
    rows: [
      {
        items: VECTORS,
        query: "HNSW k=10 (ORDER BY <=> LIMIT)",
        p50Ms: d.p50,
        p95Ms: d.p95,
        recallAt10: recall,
      },
      { items: VECTORS, query: "semanticHits (app query)", p50Ms: a.p50, p95Ms: a.p95, recallAt10: rec(app) },
      {
        items: VECTORS,
        query: "hybrid (keyword + semantic + RRF)",
        p50Ms: hy.p50,
        p95Ms: hy.p95,
        recallAt10: "",
      },
    ],
    recall,
    hybrid: hy.p95,
  };
}

async function main(): Promise<void> {
  const h = await openBenchDb(4);
  const notes = [`${await loadAvg()} at start`];
  const userId = await benchUser(h, "search");
  const ctx: Ctx = { db: h.db, userId, log: rootLog() };
  const rows: Row[] = [];
  let last = { trgm: 0, fts: 0 };
  let have = 0;
  for (const size of SIZES) {
    const t0 = performance.now();
    await seedCrm(h, userId, {
      contacts: Math.round(size / 25) - Math.round(have / 25),
      interactions: size - have,
      contactOffset: Math.round(have / 25),
      interactionOffset: have,
    });
    notes.push(
      `seeded ${size} interactions + ${Math.round(size / 25)} contacts in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    have = size;
    const k = await keywordRows(h, ctx, size);
    rows.push(...k.rows);
    last = k;
  }
  // Semantic: pgvector needed; Postgres here has none, so an in-memory PGlite stands in.
  let vh = h;
  let vctx = ctx;
  if (!(await dbCapabilities(h.db)).vector) {
    vh = await openPglite();
    await migrate(vh.db);
    const vu = await benchUser(vh, "vectors");
    await seedCrm(vh, vu, { contacts: Math.max(10, Math.round(VECTORS / 25)), interactions: VECTORS });
    vctx = { db: vh.db, userId: vu, log: rootLog() };
    notes.push(
      "semantic: this database has no pgvector → semantic and hybrid rows ran on an in-memory PGlite",
    );
  }
  const s = await semanticRows(vh, vctx);
  rows.push(...s.rows);
  const big = SIZES[SIZES.length - 1]!;
  notes.push(`${Q} queries per row; ${await loadAvg()} at end`);
  report({
    bench: "search",
    mode: benchMode(),
    rows,
    bars: [
      { name: `trigram lookup p95 ms @${big}`, value: last.trgm, bar: "<= 8", pass: last.trgm <= 8 },
      { name: `ranked full-text p95 ms @${big}`, value: last.fts, bar: "<= 30", pass: last.fts <= 30 },
      { name: `hybrid p95 ms @${VECTORS} vectors`, value: s.hybrid, bar: "<= 50", pass: s.hybrid <= 50 },
      { name: `HNSW recall@10 @${VECTORS} vectors`, value: s.recall, bar: ">= 0.95", pass: s.recall >= 0.95 },
    ],
    notes,
  });
  if (vh !== h) await vh.close();
  await h.close();
  process.exit(0);
}

void main();
