import { sql } from "drizzle-orm";
import type { SystemCtx } from "../context";
import { withSystem } from "../db/with-user";
import { queueMode, jobsWake, type DispatchRow } from "./dispatch";
import { pgArray } from "../db/pg-array";

export const STALE_AFTER_MS = 60_000;
/** A queued row this overdue in BullMQ mode has probably lost its Redis message. */
const OVERDUE_MS = 60_000;

/**
 * Recovers work a dead process left behind: running rows whose lease (heartbeat) lapsed go
 * back to queued — or dead if that was their last attempt — and, with Redis, overdue
 * queued rows are re-sent (after a Redis flush or a message lost between commit and send).
 */
export async function sweepStaleJobs(
  ctx: SystemCtx,
  o: {
    staleMs?: number;
    overdueMs?: number;
    userIds?: string[];
    /** Redis lost its data: re-send every queued/retrying row, due or not (delayed ones stay delayed). */
    resendAll?: boolean;
  } = {},
): Promise<{ requeued: number; dead: number; resent: number }> {
  const staleMs = o.staleMs ?? STALE_AFTER_MS;
  // Tests on a shared database sweep only their own users.
  const only = o.userIds ? sql`AND user_id = ANY(${pgArray(o.userIds, "uuid")})` : sql``;
  const swept = await withSystem(ctx.db, (tx) =>
    tx.execute<DispatchRow & { status: string }>(sql`UPDATE jobs SET
        status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
        last_error = 'worker stopped responding during attempt ' || attempts,
        finished_at = CASE WHEN attempts >= max_attempts THEN now() ELSE NULL END,
        run_after = now(), locked_at = NULL, locked_by = NULL, updated_at = now()
      WHERE id IN (SELECT id FROM jobs WHERE status = 'running'
        AND locked_at < now() - ${staleMs}::int * interval '1 millisecond' ${only}
        LIMIT 1000 FOR UPDATE SKIP LOCKED)
      RETURNING id, user_id AS "userId", kind, run_after AS "runAfter", status`),
  );
  const dead = swept.rows.filter((r) => r.status === "dead").length;
  const requeued = swept.rows.length - dead;
  let resent = 0;
  if (queueMode() === "bullmq") {
    const due = o.resendAll
      ? sql``
      : sql`AND run_after < now() - ${o.overdueMs ?? OVERDUE_MS}::int * interval '1 millisecond'`;
    const overdue = await withSystem(ctx.db, (tx) =>
      tx.execute<DispatchRow>(sql`SELECT id, user_id AS "userId", kind, run_after AS "runAfter" FROM jobs
        WHERE status IN ('queued', 'error') ${only} ${due}
        ORDER BY run_after LIMIT ${o.resendAll ? 5000 : 500}::int`),
    );
    const { resendToBullmq } = await import("./queue/bullmq");
    const back = swept.rows.filter((r) => r.status === "queued");
    resent = await resendToBullmq(
      [...back, ...overdue.rows].map((r) => ({ ...r, runAfter: new Date(r.runAfter) })),
    );
  } else if (requeued > 0) jobsWake.emit("wake");
  if (requeued || dead || resent) ctx.log.warn({ requeued, dead, resent }, "stale jobs recovered");
  return { requeued, dead, resent };
}
