import type { Ctx } from "../context";
import { syncAudit } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import { requireServiceEnabled } from "../google/scopes";

/**
 * Drive preview, behind FEATURE_GOOGLE_DRIVE. Drive ingestion is not built yet, so with the
 * flag on this honestly reports nothing to import (and audits the request).
 */
export async function previewDrive(ctx: Ctx): Promise<{ count: number; sampleNames: string[] }> {
  requireServiceEnabled("drive");
  await withUser(ctx, (tx) =>
    tx
      .insert(syncAudit)
      .values({ userId: ctx.userId, provider: "drive", action: "preview", payload: { count: 0 } }),
  );
  return { count: 0, sampleNames: [] };
}
