import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { queueMode, type DispatchRow } from "./dispatch";

/**
 * The runner endpoint. Embedded: runs the caller's ready jobs now (bounded in count and
 * time so a request never runs long). With Redis: re-sends the caller's ready jobs that
 * have no message in Redis (e.g. after a flush) and reports how many it sent.
 */
export async function processQueuedNow(ctx: Ctx): Promise<{ processed: number }> {
  if (queueMode() === "embedded") {
    const { runUserJobsNow } = await import("./queue/embedded");
    const processed = await runUserJobsNow(ctx.db, ctx.log, ctx.userId, {
      perUser: env().JOBS_PER_USER_CONCURRENCY,
    });
    return { processed };
  }
  const rows = await withUser(ctx, (tx) =>
    tx.execute<DispatchRow>(sql`SELECT id, user_id AS "userId", kind, run_after AS "runAfter" FROM jobs
      WHERE user_id = ${ctx.userId} AND status IN ('queued', 'error') AND run_after <= now()
      ORDER BY run_after LIMIT 1000`),
  );
  const { resendToBullmq } = await import("./queue/bullmq");
  const processed = await resendToBullmq(rows.rows.map((r) => ({ ...r, runAfter: new Date(r.runAfter) })));
  if (processed) ctx.log.info({ processed }, "re-sent jobs missing from Redis");
  return { processed };
}
