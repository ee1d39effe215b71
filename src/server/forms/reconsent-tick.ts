import { sql } from "drizzle-orm";
import type { SystemCtx } from "../context";
import { withSystem } from "../db/with-user";
import { enqueue } from "../jobs/enqueue";

/**
 * The periodic re-consent check (both queue modes): one `forms_reconsent` job per user with
 * consent records, keyed by the day so ticks within a day add nothing; the job itself is
 * idempotent, so a repeated day costs a query, never a second task.
 */
export async function reconsentTick(ctx: SystemCtx, now: Date = new Date()): Promise<{ enqueued: number }> {
  const users = await withSystem(ctx.db, (tx) =>
    tx.execute<{ user_id: string }>(sql`SELECT DISTINCT user_id FROM consent_records`),
  );
  const day = now.toISOString().slice(0, 10);
  let enqueued = 0;
  for (const u of users.rows) {
    const r = await enqueue(
      { db: ctx.db, userId: u.user_id, log: ctx.log },
      "forms_reconsent",
      {},
      { dedupeKey: `reconsent:${day}` },
    );
    if (!r.deduped) enqueued++;
  }
  return { enqueued };
}
