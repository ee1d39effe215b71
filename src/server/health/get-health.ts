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

type Probe = { healthy: boolean; health: Health };

/** How long one probe of the dependencies answers for every caller. */
export const HEALTH_PROBE_TTL_MS = 1000;
const g = globalThis as unknown as { __omnicrmHealth?: { at: number; probe: Promise<Probe> } };

/**
 * Cheap liveness with dependency states; never throws for a down dependency. Load balancers
 * and monitors may call it hundreds of times a second, so one probe of the database and the
 * queue (single-flight) answers every call for HEALTH_PROBE_TTL_MS; /api/ready always probes.
 */
export async function getHealth(): Promise<Probe> {
  const now = Date.now();
  const hit = g.__omnicrmHealth;
  if (!hit || now - hit.at >= HEALTH_PROBE_TTL_MS) g.__omnicrmHealth = { at: now, probe: probeHealth() };
  const { healthy, health } = await g.__omnicrmHealth!.probe;
  return { healthy, health: { ...health, ts: new Date().toISOString() } };
}

async function probeHealth(): Promise<Probe> {
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
