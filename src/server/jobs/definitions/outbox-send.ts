import { z } from "zod";
import { defineJob } from "../define-job";

// Sends one approved outbox item through Gmail (exactly once: see send-outbox-item.ts).
export const outboxSendJob = defineJob({
  kind: "outbox_send",
  payload: z.object({ itemId: z.uuid() }),
  attempts: 6,
  // 429s and outages back off: 30 s, 1 min, 2 min … capped at 30 min.
  backoff: { type: "exponential", delayMs: 30_000, maxDelayMs: 30 * 60_000 },
  timeoutMs: 2 * 60_000,
  handler: (ctx, p) => import("@/server/outbox/send-outbox-item").then((m) => m.sendOutboxItem(ctx, p)),
});
