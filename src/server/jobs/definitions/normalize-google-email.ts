import { z } from "zod";
import { defineJob } from "../define-job";

// Raw Gmail messages -> interactions (re-normalize stored raw events).
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
  handler: (ctx, p) =>
    import("@/server/sync/renormalize-raw-events").then((m) =>
      m.renormalizeRawEvents(ctx, { provider: "gmail", rawEventIds: p.rawEventIds }),
    ),
});
