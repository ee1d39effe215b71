import type { z } from "zod";
import type { Ctx } from "../context";

/** Queues split work by resource so a slow provider never blocks unrelated work. */
export const jobQueues = ["default", "sync", "ai"] as const;
export type JobQueue = (typeof jobQueues)[number];

export type Backoff = { type: "exponential"; delayMs: number; maxDelayMs?: number };

/** What a handler receives: the usual Ctx plus the job's identity and controls. */
export type JobCtx = Ctx & {
  jobId: string;
  batchId: string | null;
  kind: string;
  /** 1-based attempt number of this run. */
  attempt: number;
  maxAttempts: number;
  /** Aborted on timeout, shutdown or cancellation (undo): stop promptly when it fires. */
  signal: AbortSignal;
  /** Cheap (throttled) progress for the UI; call as often as you like. */
  reportProgress: (done: number, total?: number) => Promise<void>;
};

export type JobHandler<P> = (ctx: JobCtx, payload: P) => Promise<void>;

export type JobDefinition<K extends string = string, S extends z.ZodType = z.ZodType> = {
  kind: K;
  payload: S;
  /** Total runs including the first; after the last failure the job is `dead`. */
  attempts: number;
  backoff: Backoff;
  timeoutMs: number;
  queue: JobQueue;
  /**
   * Runs the job: a lazy import of the owning domain's operation
   * (`handler: (ctx, p) => import("@/server/sync/x").then((m) => m.x(ctx, p))`), so the
   * operation may itself call enqueue() without an import cycle and processes that never
   * run this kind never load its module. Required: every kind has exactly one handler.
   */
  handler: JobHandler<z.output<S>>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<string, any>;

export function defineJob<K extends string, S extends z.ZodType>(
  def: Omit<JobDefinition<K, S>, "queue"> & { queue?: JobQueue },
): JobDefinition<K, S> {
  if (def.attempts < 1) throw new Error(`job ${def.kind}: attempts must be >= 1`);
  return { ...def, queue: def.queue ?? "default" };
}

/** Thrown by handlers for failures that retrying cannot fix (the job goes `dead` at once). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
