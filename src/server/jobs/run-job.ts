import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Db } from "../db/client";
import { currentLog, withLogScope } from "../log-context";
import { backoffDelay } from "./backoff";
import { PermanentJobError, type JobCtx } from "./define-job";
import type { ClaimedJob, Outcome } from "./job-store";
import { saveProgress } from "./job-store";
import { findJobDefinition, findJobHandler } from "./registry";
import { jobDuration, jobFailures, jobRetries } from "../metrics/registry";
import { reportError } from "../observability/report-error";

/** Why a run was interrupted from outside; a shutdown hands the job back without using an attempt. */
export class JobAbort extends Error {
  constructor(
    readonly reason: "shutdown" | "cancelled" | "timeout",
    message: string,
  ) {
    super(message);
    this.name = "JobAbort";
  }
}

export type RunResult = Outcome | { id: string; status: "release" } | { id: string; status: "cancelled" };

const PROGRESS_EVERY_MS = 500;

/**
 * Runs one claimed job and says what should happen to its row. Never throws: a bad
 * payload or a missing handler is `dead` at once (retrying cannot help), a thrown error
 * is retried with backoff until the last attempt, and a timeout counts as a failure.
 */
export async function runClaimedJob(db: Db, job: ClaimedJob, abort: AbortController): Promise<RunResult> {
  // One span per run; a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT registered a tracer provider.
  const attributes = { "job.kind": job.kind, "job.id": job.id, "job.attempt": job.attempts };
  return trace
    .getTracer("omnicrm.jobs")
    .startActiveSpan(`job ${job.kind}`, { kind: SpanKind.CONSUMER, attributes }, async (span) => {
      try {
        const result = await runJob(db, job, abort);
        span.setAttribute("job.outcome", result.status === "error" ? "retry" : result.status);
        if (result.status === "dead" || result.status === "error")
          span.setStatus({ code: SpanStatusCode.ERROR, message: result.error.slice(0, 200) });
        return result;
      } finally {
        span.end();
      }
    });
}

async function runJob(db: Db, job: ClaimedJob, abort: AbortController): Promise<RunResult> {
  const def = findJobDefinition(job.kind);
  if (!def) return deadAtOnce(job, `unknown job kind "${job.kind}"`);
  const parsed = def.payload.safeParse(job.payload);
  if (!parsed.success) return deadAtOnce(job, `invalid payload: ${parsed.error.message}`.slice(0, 2000));
  const handler = findJobHandler(job.kind);
  if (!handler) return deadAtOnce(job, `no handler registered for job kind "${job.kind}"`);

  const timer = setTimeout(
    () => abort.abort(new JobAbort("timeout", `timed out after ${def.timeoutMs} ms`)),
    def.timeoutMs,
  );
  const bindings = {
    jobId: job.id,
    batchId: job.batchId,
    kind: job.kind,
    userId: job.userId,
    attempt: job.attempts,
  };
  return withLogScope(bindings, async () => {
    const log = currentLog();
    let lastProgress = 0;
    const ctx: JobCtx = {
      db,
      userId: job.userId,
      log,
      jobId: job.id,
      batchId: job.batchId,
      kind: job.kind,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      signal: abort.signal,
      reportProgress: async (done, total) => {
        const now = Date.now();
        if (now - lastProgress < PROGRESS_EVERY_MS && done !== total) return;
        lastProgress = now;
        await saveProgress(db, job.id, done, total);
      },
    };
    const started = performance.now();
    let result: RunResult;
    try {
      await Promise.race([handler(ctx, parsed.data), rejectOnAbort(abort.signal)]);
      result = { id: job.id, status: "done" };
    } catch (e) {
      result = failure(job, e, def.backoff, log);
    } finally {
      clearTimeout(timer);
    }
    observe(job.kind, result.status, (performance.now() - started) / 1000);
    return result;
  });
}

function failure(
  job: ClaimedJob,
  e: unknown,
  backoff: Parameters<typeof backoffDelay>[0],
  log: ReturnType<typeof currentLog>,
): RunResult {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof JobAbort && e.reason === "shutdown") return { id: job.id, status: "release" };
  if (e instanceof JobAbort && e.reason === "cancelled") return { id: job.id, status: "cancelled" };
  if (e instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
    log.error({ err: e }, "job failed permanently (dead)");
    reportError(e, { jobId: job.id, kind: job.kind });
    return { id: job.id, status: "dead", error: message };
  }
  const delayMs = backoffDelay(backoff, job.attempts);
  log.warn({ err: e, delayMs }, "job failed; retrying");
  return { id: job.id, status: "error", error: message, delayMs };
}

/** Retrying cannot help (unknown kind, bad payload, no handler): dead now, and reported. */
function deadAtOnce(job: ClaimedJob, error: string): RunResult {
  reportError(new Error(error), { jobId: job.id, kind: job.kind });
  return { id: job.id, status: "dead", error };
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fire = () => reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    if (signal.aborted) fire();
    else signal.addEventListener("abort", fire, { once: true });
  });
}

function observe(kind: string, status: RunResult["status"], seconds: number): void {
  const outcome = status === "error" ? "retry" : status;
  jobDuration.observe({ kind, outcome }, seconds);
  if (status === "error" || status === "dead") jobFailures.inc({ kind });
  if (status === "error") jobRetries.inc({ kind });
}
