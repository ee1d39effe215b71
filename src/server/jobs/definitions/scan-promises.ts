import { z } from "zod";
import { defineJob } from "../define-job";

// The user's own recent mail or notes → suggested tasks (AI; see promises/scan-promises.ts).
export const scanPromisesJob = defineJob({
  kind: "scan_promises",
  payload: z.object({
    ownerType: z.enum(["interaction", "note"]),
    ownerIds: z.array(z.uuid()).min(1).max(20),
  }),
  attempts: 3,
  backoff: { type: "exponential", delayMs: 60_000 },
  timeoutMs: 2 * 60_000,
  queue: "ai",
  handler: async (ctx, p) => {
    const { scanPromises } = await import("@/server/promises/scan-promises");
    await scanPromises(ctx, p);
  },
});
