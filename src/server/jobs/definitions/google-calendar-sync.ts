import { z } from "zod";
import { defineJob } from "../define-job";

// Calendar import or incremental sync for one user.
export const googleCalendarSyncJob = defineJob({
  kind: "google_calendar_sync",
  payload: z.object({
    incremental: z.boolean().default(false),
  }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 30_000 },
  timeoutMs: 10 * 60_000,
  queue: "sync",
  handler: (ctx, p) =>
    import("@/server/sync/run-google-sync").then((m) =>
      m.runGoogleSync(ctx, { service: "calendar", incremental: p.incremental }),
    ),
});
