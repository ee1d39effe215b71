import type { jobs } from "../db/schema/jobs";
import type { JobView } from "./schemas";

type Row = typeof jobs.$inferSelect;

/** The API shape of a jobs row: no payload (it may hold provider ids) and no lock internals. */
export function toJobView(r: Row): JobView {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    lastError: r.lastError,
    batchId: r.batchId,
    progress: r.progress ?? null,
    runAfter: r.runAfter.toISOString(),
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
