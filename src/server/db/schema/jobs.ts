import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, userId } from "./columns";

export const jobStatuses = ["queued", "running", "done", "error", "dead", "cancelled"] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** The user-visible record of background work, in both the BullMQ and embedded modes. */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    userId: userId(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status").$type<JobStatus>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lastError: text("last_error"),
    batchId: uuid("batch_id"),
    /** Deduplicates enqueues: the same key never creates a second live job. */
    dedupeKey: text("dedupe_key"),
    progress: jsonb("progress").$type<{ done: number; total?: number }>(),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedBy: text("locked_by"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("jobs_claim_idx").on(t.status, t.runAfter),
    index("jobs_user_status_idx").on(t.userId, t.status, t.createdAt),
    index("jobs_batch_idx").on(t.batchId),
  ],
);
