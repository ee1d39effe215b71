import { z } from "zod";
import { defineJob } from "../define-job";

// Raw Calendar events -> interactions. Handler: sync domain (normalize).
export const normalizeGoogleEventJob = defineJob({
  kind: "normalize_google_event",
  payload: z.object({
    rawEventIds: z.array(z.uuid()).min(1).max(1000),
  }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 10_000 },
  timeoutMs: 5 * 60_000,
  queue: "default",
  // handler: provided by the owning domain (see docs/architecture/jobs.md, "Adding a job kind").
});
