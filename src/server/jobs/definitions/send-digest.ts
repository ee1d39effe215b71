import { z } from "zod";
import { defineJob } from "../define-job";

// One user's morning digest for one local date (exactly once: see digest/send-digest.ts).
export const sendDigestJob = defineJob({
  kind: "send_digest",
  payload: z.object({ localDate: z.iso.date() }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 60_000, maxDelayMs: 30 * 60_000 },
  timeoutMs: 2 * 60_000,
  handler: (ctx, p) =>
    import("@/server/digest/send-digest").then((m) => m.sendDigest(ctx, p)).then(() => undefined),
});
