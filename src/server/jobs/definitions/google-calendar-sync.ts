import { z } from "zod";
import { defineJob } from "../define-job";

// Calendar import or incremental sync for one user. Handler: sync domain.
export const googleCalendarSyncJob = defineJob({
  kind: "google_calendar_sync",
  payload: z.object({
    incremental: z.boolean().default(false),
  }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 30_000 },
  timeoutMs: 10 * 60_000,
  queue: "sync",
  // handler: provided by the owning domain (see docs/architecture/jobs.md, "Adding a job kind").
});
