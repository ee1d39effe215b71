import { sql } from "drizzle-orm";
import type { DbHandle } from "../../src/server/db/client";
import { toVectorLiteral, VECTOR_COLUMN_DIMS } from "../../src/server/ai/embeddings/vector";
import { withSystem } from "../../src/server/db/with-user";

const CLUSTERS = 64;

/** Deterministic PRNG (mulberry32) so every run embeds the same vectors. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const centers = (() => {
  const r = rng(1);
  return Array.from({ length: CLUSTERS }, () =>
    Array.from({ length: VECTOR_COLUMN_DIMS }, () => r() * 2 - 1),
  );
})();

/** Item i: its cluster centre plus noise (real embeddings cluster by topic; uniform noise would not). */
export function itemVector(i: number, noise = 0.6): number[] {
  const r = rng(1000 + i);
  const c = centers[i % CLUSTERS]!;
  return c.map((x) => x + (r() * 2 - 1) * noise);
}

/** Queries: perturbed copies of items spread over the data set. */
export function queryVectors(n: number, items: number): number[][] {
  return Array.from({ length: n }, (_, q) => itemVector(Math.floor(((q + 0.5) * items) / n), 0.7));
}

/** Embeds the user's first `n` interactions (chunk 0), 250 rows per statement. Returns owner ids. */
export async function seedVectors(h: DbHandle, userId: string, n: number): Promise<string[]> {
  const r = await withSystem(h.db, (tx) =>
    tx.execute<{ id: string }>(
      sql`SELECT id FROM interactions WHERE user_id = ${userId} ORDER BY source_id LIMIT ${n}`,
    ),
  );
  const ids = r.rows.map((x) => x.id);
  for (let s = 0; s < ids.length; s += 250) {
    const part = ids.slice(s, s + 250);
    const vecs = part.map((_, j) => `"${toVectorLiteral(itemVector(s + j))}"`);
    await withSystem(h.db, (tx) =>
      tx.execute(sql`INSERT INTO embeddings (user_id, owner_type, owner_id, chunk_index, content_hash, content, model, dims, embedding)
        SELECT ${userId}::uuid, 'interaction', t.id, 0, 'bench', 'bench', 'bench-1536', 1536, t.v::vector
        FROM unnest(${`{${part.join(",")}}`}::uuid[], ${`{${vecs.join(",")}}`}::text[]) AS t(id, v)`),
    );
  }
  await h.db.execute(sql`ANALYZE embeddings`);
  return ids;
}

/** Exact top-10 by cosine distance: a sequential scan (index scans off). */
export async function exactVectorIds(h: DbHandle, userId: string, v: number[]): Promise<string[]> {
  const r = await withSystem(h.db, async (tx) => {
    await tx.execute(sql`SET LOCAL enable_indexscan = off`);
    return tx.execute<{ id: string }>(sql`SELECT owner_id AS id FROM embeddings WHERE user_id = ${userId}
      ORDER BY embedding <=> ${toVectorLiteral(v)}::vector LIMIT 10`);
  });
  return r.rows.map((x) => x.id);
}

/** The plain HNSW k-NN query (what the index serves), default ef_search. */
export async function hnswIds(h: DbHandle, userId: string, v: number[]): Promise<string[]> {
  const r = await withSystem(h.db, (tx) =>
    tx.execute<{ id: string }>(sql`SELECT owner_id AS id FROM embeddings WHERE user_id = ${userId}
      ORDER BY embedding <=> ${toVectorLiteral(v)}::vector LIMIT 10`),
  );
  return r.rows.map((x) => x.id);
}
