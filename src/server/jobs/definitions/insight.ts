import { z } from "zod";
import { defineJob } from "../define-job";

// AI insight for one contact.
export const insightJob = defineJob({
  kind: "insight",
  payload: z.object({
    contactId: z.uuid(),
    kind: z.string().min(1).max(64).default("summary"),
  }),
  attempts: 3,
  backoff: { type: "exponential", delayMs: 60_000 },
  timeoutMs: 2 * 60_000,
  queue: "ai",
  handler: async (ctx, p) => {
    const { runInsightJob } = await import("@/server/ai/insights/run-insight-job");
    await runInsightJob(ctx, p);
  },
});
