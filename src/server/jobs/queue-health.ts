import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { withSystem } from "../db/with-user";
import { queueMode } from "./dispatch";

export type QueueHealth = {
  mode: "embedded" | "bullmq";
  ok: boolean;
  waiting: number;
  active: number;
  failed: number;
};

/**
 * Queue depth. Embedded: as the jobs table records it. BullMQ: Redis's own counts summed
 * over the job queues (waiting includes delayed retries), and ok=false when Redis does not
 * answer within a second — work would pile up unprocessed.
 */
export async function getQueueHealth(db: Db): Promise<QueueHealth> {
  if (queueMode() === "bullmq") return bullmqHealth();
  const r = await withSystem(db, (tx) =>
    tx.execute<{ waiting: number; active: number; failed: number }>(sql`SELECT
      count(*) FILTER (WHERE status IN ('queued', 'error'))::int AS waiting,
      count(*) FILTER (WHERE status = 'running')::int AS active,
      count(*) FILTER (WHERE status = 'dead')::int AS failed
      FROM jobs`),
  );
  const row = r.rows[0] ?? { waiting: 0, active: 0, failed: 0 };
  return { mode: "embedded", ok: true, ...row };
}

async function bullmqHealth(): Promise<QueueHealth> {
  const down: QueueHealth = { mode: "bullmq", ok: false, waiting: 0, active: 0, failed: 0 };
  try {
    const { bullQueue } = await import("./queue/bullmq");
    const { jobQueues } = await import("./define-job");
    const counts = Promise.all(
      jobQueues.map((q) =>
        bullQueue(q).getJobCounts("waiting", "prioritized", "delayed", "active", "failed"),
      ),
    );
    const timeout = new Promise<null>((r) => setTimeout(() => r(null), 1000).unref());
    const all = await Promise.race([counts, timeout]);
    if (!all) return down;
    const sum = (k: string) => all.reduce((n, c) => n + (c[k] ?? 0), 0);
    return {
      mode: "bullmq",
      ok: true,
      waiting: sum("waiting") + sum("prioritized") + sum("delayed"),
      active: sum("active"),
      failed: sum("failed"),
    };
  } catch {
    return down;
  }
}
