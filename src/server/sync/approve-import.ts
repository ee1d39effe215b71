import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { userIntegrations } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { requireServiceEnabled, type GoogleService } from "../google/scopes";
import { openImportBatch } from "./open-import-batch";

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
    const job = input.service === "gmail" ? "google_gmail_sync" : "google_calendar_sync";
    return openImportBatch(ctx, tx, { provider: input.service, job });
  });
}
