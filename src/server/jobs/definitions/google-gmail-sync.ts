import { z } from "zod";
import { defineJob } from "../define-job";

// Gmail import or incremental sync for one user.
export const googleGmailSyncJob = defineJob({
  kind: "google_gmail_sync",
  payload: z.object({
    /** true = history-based incremental sync from the stored cursor (scheduler), false = full/preview import. */
    incremental: z.boolean().default(false),
  }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 30_000 },
  timeoutMs: 10 * 60_000,
  queue: "sync",
  handler: (ctx, p) =>
    import("@/server/sync/run-google-sync").then((m) =>
      m.runGoogleSync(ctx, { service: "gmail", incremental: p.incremental }),
    ),
});
