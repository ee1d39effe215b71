import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { withSystem } from "../db/with-user";
import { env } from "@/lib/env";

export type QueueHealth = {
  mode: "embedded" | "bullmq";
  ok: boolean;
  waiting: number;
  active: number;
  failed: number;
};

/** Queue depth as the jobs table records it (the user-visible record in both modes). */
export async function getQueueHealth(db: Db): Promise<QueueHealth> {
  const mode = env().REDIS_URL ? "bullmq" : "embedded";
  const r = await withSystem(db, (tx) =>
    tx.execute<{ waiting: number; active: number; failed: number }>(sql`SELECT
      count(*) FILTER (WHERE status = 'queued')::int AS waiting,
      count(*) FILTER (WHERE status = 'running')::int AS active,
      count(*) FILTER (WHERE status = 'dead')::int AS failed
      FROM jobs`),
  );
  const row = r.rows[0] ?? { waiting: 0, active: 0, failed: 0 };
  return { mode, ok: true, ...row };
}
