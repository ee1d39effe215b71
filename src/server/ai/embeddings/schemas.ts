import { z } from "zod";

const typeCoverage = z.object({ total: z.number().int(), indexed: z.number().int() });

export const embeddingCoverageResponse = z.object({
  /** ready: semantic search can use embeddings; otherwise why it cannot. */
  status: z.enum(["ready", "no_provider", "no_pgvector"]),
  /** Contacts, interactions and notes with text to embed. */
  total: z.number().int(),
  /** Of those, embedded with the current embedding model and dimensions. */
  indexed: z.number().int(),
  /** Not yet indexed but already waiting in a live `embed` job. */
  pending: z.number().int(),
  byType: z.object({ contact: typeCoverage, interaction: typeCoverage, note: typeCoverage }),
});
export type EmbeddingCoverage = z.infer<typeof embeddingCoverageResponse>;

export const embeddingBackfillResponse = z.object({
  /** Items put into new `embed` jobs by this call (0 when everything is indexed or queued). */
  queued: z.number().int(),
  jobs: z.number().int(),
  /** More items remain beyond this call's bound; calling again (or the scheduler) queues them. */
  more: z.boolean(),
});
export type EmbeddingBackfill = z.infer<typeof embeddingBackfillResponse>;
