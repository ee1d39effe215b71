import { z } from "zod";
import { defineJob } from "../define-job";

// Raw Gmail messages -> interactions. Handler: sync domain (normalize).
export const normalizeGoogleEmailJob = defineJob({
  kind: "normalize_google_email",
  payload: z.object({
    /** raw_events rows to turn into interactions; bounded so one job stays short. */
    rawEventIds: z.array(z.uuid()).min(1).max(1000),
  }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 10_000 },
  timeoutMs: 5 * 60_000,
  queue: "default",
  // handler: provided by the owning domain (see docs/architecture/jobs.md, "Adding a job kind").
});
