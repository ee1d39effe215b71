import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { jobs } from "../db/schema/jobs";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { queueMode } from "./dispatch";
import { jobsWake } from "./dispatch";
import { toJobView } from "./job-view";
import type { JobView } from "./schemas";

/** Re-queues one of the caller's dead jobs with a fresh set of attempts. */
export async function retryJob(ctx: Ctx, id: string): Promise<JobView> {
  const row = await withUser(ctx, async (tx) => {
    const [current] = await tx
      .select({ status: jobs.status })
      .from(jobs)
      .where(and(eq(jobs.id, id), eq(jobs.userId, ctx.userId)));
    if (!current) throw new AppError("not_found", "job not found");
    if (current.status !== "dead")
      throw new AppError("conflict", `only dead jobs can be retried (job is ${current.status})`);
    try {
      const [updated] = await tx
        .update(jobs)
        .set({
          status: "queued",
          attempts: 0,
          lastError: null,
          runAfter: new Date(),
          finishedAt: null,
          updatedAt: new Date(),
        })
        .where(and(eq(jobs.id, id), eq(jobs.userId, ctx.userId), eq(jobs.status, "dead")))
        .returning();
      return updated!;
    } catch (e) {
      // The live-dedupe index: an equivalent job is already queued or running.
      if (
        (e as { code?: string; cause?: { code?: string } })?.cause?.code === "23505" ||
        (e as { code?: string }).code === "23505"
      )
        throw new AppError("conflict", "an equivalent job is already queued or running");
      throw e;
    }
  });
  if (queueMode() === "bullmq") {
    const { resendToBullmq } = await import("./queue/bullmq");
    await resendToBullmq([{ id: row.id, userId: row.userId, kind: row.kind, runAfter: row.runAfter }]);
  } else jobsWake.emit("wake");
  ctx.log.info({ jobId: id, kind: row.kind }, "dead job re-queued");
  return toJobView(row);
}
