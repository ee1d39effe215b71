import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { openImportBatch } from "../sync/open-import-batch";
import { requireDriveAccess } from "./drive-access";

/**
 * Approves a Drive import: one sync batch (what undo removes) and its google_drive_sync
 * job, in one transaction. Approving again while one is queued or running returns it.
 */
export async function approveDriveImport(ctx: Ctx): Promise<{ batchId: string }> {
  await requireDriveAccess(ctx);
  return withUser(ctx, (tx) => openImportBatch(ctx, tx, { provider: "drive", job: "google_drive_sync" }));
}
