import { and, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { syncAudit, syncBatches } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import { enqueue } from "../jobs/enqueue";
import { requireDriveAccess } from "./drive-access";

/**
 * Approves a Drive import: one sync batch (what undo removes) and its google_drive_sync
 * job, in one transaction. Approving again while one is queued or running returns it.
 */
export async function approveDriveImport(ctx: Ctx): Promise<{ batchId: string }> {
  await requireDriveAccess(ctx);
  return withUser(ctx, async (tx) => {
    const [active] = await tx
      .select({ id: syncBatches.id })
      .from(syncBatches)
      .where(
        and(
          eq(syncBatches.userId, ctx.userId),
          eq(syncBatches.provider, "drive"),
          inArray(syncBatches.status, ["queued", "importing"]),
        ),
      )
      .orderBy(desc(syncBatches.createdAt))
      .limit(1)
      .for("update");
    if (active) return { batchId: active.id };
    const [batch] = await tx
      .insert(syncBatches)
      .values({ userId: ctx.userId, provider: "drive" })
      .returning({ id: syncBatches.id });
    const batchId = batch!.id;
    await tx.insert(syncAudit).values({ userId: ctx.userId, provider: "drive", action: "approve", batchId });
    await enqueue(
      { ...ctx, tx },
      "google_drive_sync",
      { incremental: false },
      { batchId, dedupeKey: `google_drive_sync:${batchId}` },
    );
    return { batchId };
  });
}
