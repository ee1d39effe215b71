import { sql } from "drizzle-orm";
import { getDb } from "../db/client";
import { dbCapabilities } from "../db/capabilities";
import { getQueueHealth, type QueueHealth } from "../jobs/queue-health";

export type Health = {
  ts: string;
  db: boolean;
  dbKind?: "pglite" | "postgres";
  vector: boolean;
  search: "hybrid" | "keyword";
  queue: QueueHealth;
};

/** Cheap liveness with dependency states; never throws for a down dependency. */
export async function getHealth(): Promise<{ healthy: boolean; health: Health }> {
  let db = false;
  let vector = false;
  let dbKind: Health["dbKind"];
  let queue: QueueHealth = { mode: "embedded", ok: false, waiting: 0, active: 0, failed: 0 };
  try {
    const h = await getDb();
    dbKind = h.kind;
    await h.db.execute(sql`SELECT 1`);
    db = true;
    vector = (await dbCapabilities(h.db)).vector;
    queue = await getQueueHealth(h.db);
  } catch {
    // reported as db:false / queue.ok:false below
  }
  const health: Health = {
    ts: new Date().toISOString(),
    db,
    dbKind,
    vector,
    // Without pgvector, semantic search degrades to Postgres full-text search.
    search: vector ? "hybrid" : "keyword",
    queue,
  };
  return { healthy: db && queue.ok, health };
}
