import { and, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { syncAudit, syncBatches } from "../db/schema/sync";
import type { Tx } from "../db/with-user";
import { enqueue } from "../jobs/enqueue";

type ImportJob = "google_gmail_sync" | "google_calendar_sync" | "google_drive_sync";

/**
 * The approve step every Google import shares, inside the caller's transaction: the
 * sync_batches row (what undo removes), its audit line and its sync job, so there is no
 * batch without its job and no job without its batch. Approving again while an import of
 * the same provider is queued or running returns that batch (the row lock serialises
 * double clicks).
 */
export async function openImportBatch(
  ctx: Ctx,
  tx: Tx,
  input: { provider: "gmail" | "calendar" | "drive"; job: ImportJob },
): Promise<{ batchId: string }> {
  const [active] = await tx
    .select({ id: syncBatches.id })
    .from(syncBatches)
    .where(
      and(
        eq(syncBatches.userId, ctx.userId),
        eq(syncBatches.provider, input.provider),
        inArray(syncBatches.status, ["queued", "importing"]),
      ),
    )
    .orderBy(desc(syncBatches.createdAt))
    .limit(1)
    .for("update");
  if (active) return { batchId: active.id };
  const [batch] = await tx
    .insert(syncBatches)
    .values({ userId: ctx.userId, provider: input.provider })
    .returning({ id: syncBatches.id });
  const batchId = batch!.id;
  await tx
    .insert(syncAudit)
    .values({ userId: ctx.userId, provider: input.provider, action: "approve", batchId });
  await enqueue(
    { ...ctx, tx },
    input.job,
    { incremental: false },
    { batchId, dedupeKey: `${input.job}:${batchId}` },
  );
  return { batchId };
}
