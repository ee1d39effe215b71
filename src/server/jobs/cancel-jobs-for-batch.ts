import { and, eq, inArray } from "drizzle-orm";
import { jobs } from "../db/schema/jobs";
import type { Tx } from "../db/with-user";

/**
 * Cancels a batch's unfinished jobs inside the caller's transaction (undo): queued and
 * retrying ones never run; running ones see their signal abort at the next heartbeat and
 * their outcome is discarded. Returns how many jobs were cancelled.
 */
export async function cancelJobsForBatch(tx: Tx, userId: string, batchId: string): Promise<number> {
  const r = await tx
    .update(jobs)
    .set({
      status: "cancelled",
      finishedAt: new Date(),
      lockedAt: null,
      lockedBy: null,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(jobs.userId, userId),
        eq(jobs.batchId, batchId),
        inArray(jobs.status, ["queued", "running", "error"]),
      ),
    )
    .returning({ id: jobs.id });
  return r.length;
}
