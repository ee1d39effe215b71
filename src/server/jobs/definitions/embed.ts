import { z } from "zod";
import { defineJob } from "../define-job";

// Embeddings for changed rows (skipped when pgvector/AI is unavailable).
export const embedJob = defineJob({
  kind: "embed",
  payload: z.object({
    ownerType: z.enum(["contact", "interaction", "note", "document"]),
    ownerIds: z.array(z.uuid()).min(1).max(100),
  }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 30_000 },
  timeoutMs: 2 * 60_000,
  queue: "ai",
  handler: (ctx, p) => import("@/server/ai/embeddings/run-embed-job").then((m) => m.runEmbedJob(ctx, p)),
});
