import { z } from "zod";
import { defineJob } from "../define-job";

// Raw Calendar events -> interactions (re-normalize stored raw events).
export const normalizeGoogleEventJob = defineJob({
  kind: "normalize_google_event",
  payload: z.object({
    rawEventIds: z.array(z.uuid()).min(1).max(1000),
  }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 10_000 },
  timeoutMs: 5 * 60_000,
  queue: "default",
  handler: (ctx, p) =>
    import("@/server/sync/renormalize-raw-events").then((m) =>
      m.renormalizeRawEvents(ctx, { provider: "calendar", rawEventIds: p.rawEventIds }),
    ),
});
