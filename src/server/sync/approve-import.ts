import { and, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { syncAudit, syncBatches, userIntegrations } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { requireServiceEnabled, type GoogleService } from "../google/scopes";
import { enqueue } from "../jobs/enqueue";

/**
 * Approves an import: creates the sync_batches row, audits it and enqueues the sync job in
 * one transaction (no batch without its job, no job without its batch). Approving again
 * while an import of the same service is still queued or running returns that batch.
 */
export async function approveImport(
  ctx: Ctx,
  input: { service: GoogleService },
): Promise<{ batchId: string }> {
  requireServiceEnabled(input.service);
  return withUser(ctx, async (tx) => {
    const [integration] = await tx
      .select({ status: userIntegrations.status })
      .from(userIntegrations)
      .where(
        and(
          eq(userIntegrations.userId, ctx.userId),
          eq(userIntegrations.provider, "google"),
          eq(userIntegrations.service, input.service),
        ),
      );
    if (!integration) throw new AppError("conflict", `Connect ${input.service} before importing`);
    if (integration.status === "needs_reconnect")
      throw new AppError("conflict", `Reconnect ${input.service} first`);
    const [active] = await tx
      .select({ id: syncBatches.id })
      .from(syncBatches)
      .where(
        and(
          eq(syncBatches.userId, ctx.userId),
          eq(syncBatches.provider, input.service),
          inArray(syncBatches.status, ["queued", "importing"]),
        ),
      )
      .orderBy(desc(syncBatches.createdAt))
      .limit(1)
      .for("update");
    if (active) return { batchId: active.id };
    const [batch] = await tx
      .insert(syncBatches)
      .values({ userId: ctx.userId, provider: input.service })
      .returning({ id: syncBatches.id });
    const batchId = batch!.id;
    await tx
      .insert(syncAudit)
      .values({ userId: ctx.userId, provider: input.service, action: "approve", batchId });
    const kind = input.service === "gmail" ? "google_gmail_sync" : "google_calendar_sync";
    await enqueue(
      { ...ctx, tx },
      kind,
      { incremental: false },
      {
        batchId,
        dedupeKey: `${kind}:${batchId}`,
      },
    );
    return { batchId };
  });
}
