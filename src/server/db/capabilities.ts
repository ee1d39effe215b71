import { sql } from "drizzle-orm";
import type { Db } from "./client";

export type DbCapabilities = { vector: boolean; trgm: boolean };

const cache = new WeakMap<Db, Promise<DbCapabilities>>();

/** Which optional extensions this database has; semantic search needs `vector`. */
export function dbCapabilities(db: Db): Promise<DbCapabilities> {
  let p = cache.get(db);
  if (!p) {
    p = db
      .execute<{ vector: boolean; trgm: boolean }>(
        sql`SELECT
        EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_name = 'embeddings' AND column_name = 'embedding') AS vector,
        EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS trgm`,
      )
      .then((r) => ({ vector: Boolean(r.rows[0]?.vector), trgm: Boolean(r.rows[0]?.trgm) }));
    p.catch(() => cache.delete(db));
    cache.set(db, p);
  }
  return p;
}
