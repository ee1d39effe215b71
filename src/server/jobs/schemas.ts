import { z } from "zod";
import { jobStatuses } from "../db/schema/jobs";

export const jobView = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  batchId: z.uuid().nullable(),
  progress: z.object({ done: z.number(), total: z.number().optional() }).nullable(),
  runAfter: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobView>;

const statusList = z
  .string()
  .max(200)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(jobStatuses)).min(1));

export const listJobsQuery = z.object({
  /** One status or several, comma-separated: `status=queued,running`. */
  status: statusList.optional(),
  kind: z.string().trim().min(1).max(64).optional(),
  batchId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
});
export type ListJobsQuery = z.infer<typeof listJobsQuery>;

export const listJobsResponse = z.object({ items: z.array(jobView), nextCursor: z.string().nullable() });

export const processedResponse = z.object({ processed: z.number().int() });
