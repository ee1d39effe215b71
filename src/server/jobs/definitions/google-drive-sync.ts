import { z } from "zod";
import { defineJob } from "../define-job";

// Drive documents for one user: an approved import (full listing) or an incremental run
// over changes.list (scheduled).
export const googleDriveSyncJob = defineJob({
  kind: "google_drive_sync",
  payload: z.object({
    incremental: z.boolean().default(false),
  }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 30_000 },
  timeoutMs: 10 * 60_000,
  queue: "sync",
  handler: (ctx, p) =>
    import("@/server/drive/sync-drive-documents").then((m) =>
      m.syncDriveDocuments(ctx, { batchId: ctx.batchId, incremental: p.incremental }),
    ),
});
