import { sql } from "drizzle-orm";
import type { SystemCtx } from "../context";
import { withSystem } from "../db/with-user";
import { enqueue } from "../jobs/enqueue";

/**
 * The periodic re-consent check (both queue modes): one `forms_reconsent` job per user with
 * consent records. The dedupe key keeps a tick from piling a second job onto one that is
 * still queued or running; the job itself is idempotent (tasks keyed by source_ref), so a
 * later tick costs a query, never a second task.
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
