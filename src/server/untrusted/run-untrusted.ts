import { existsSync } from "node:fs";
import path from "node:path";
import { Piscina } from "piscina";
import { AppError } from "../errors";
import type { TaskKind, TaskResult, Tasks } from "./tasks";

/**
 * Parsing untrusted content (mail, uploads, images) never runs on the web event loop: it
 * runs here, in a small pool of worker threads, each task with a time budget and each
 * thread with a heap limit. A task past its budget has its thread terminated (no parser
 * can stall the process); a thread out of memory dies alone. Both reject with AppError.
 */
const WORKER = "src/server/untrusted/worker.mjs";

let pool: Piscina | null = null;

// Resolved from the project root, not from this module: under `next start` this file is
// bundled into .next/server and neither import.meta.url nor __dirname points at src/.
function workerFile(): string {
  const file = path.resolve(process.cwd(), WORKER);
  if (!existsSync(file))
    throw new Error(`untrusted-content worker not found at ${file} (run from the project root)`);
  return file;
}

function getPool(): Piscina {
  pool ??= new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: 2,
    // Threads start in ~1 s (tsx compiles the parsers once); keep them a while between imports.
    idleTimeout: 60_000,
    atomics: "disabled",
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  return pool;
}

export type UntrustedOptions = { timeoutMs: number; signal?: AbortSignal };

/** Runs `kind` on `input` in the pool; rejects with AppError on timeout, crash or a task's own AppError. */
export async function runUntrusted<K extends TaskKind>(
  kind: K,
  input: Parameters<Tasks[K]>[0],
  opts: UntrustedOptions,
): Promise<Awaited<ReturnType<Tasks[K]>>> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  let res: TaskResult;
  try {
    res = (await getPool().run({ kind, input }, { signal })) as TaskResult;
  } catch (e) {
    if (timeout.aborted)
      throw new AppError("unprocessable", "the content took too long to process", {
        timeoutMs: opts.timeoutMs,
      });
    if (opts.signal?.aborted) throw e;
    const oom =
      e instanceof Error &&
      /ERR_WORKER_OUT_OF_MEMORY|heap/i.test(`${(e as { code?: string }).code} ${e.message}`);
    throw new AppError(
      "unprocessable",
      oom ? "the content needs too much memory to process" : "the content could not be processed",
    );
  }
  if (!res.ok) throw new AppError(res.code, res.message, res.details);
  return res.value as Awaited<ReturnType<Tasks[K]>>;
}

/** For shutdown and tests: stops the threads (a later call starts a new pool). */
export async function closeUntrustedPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
