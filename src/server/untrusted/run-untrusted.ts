import { existsSync } from "node:fs";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
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

/**
 * Waiting for a free thread (and a cold thread compiling the parsers) is not the task's
 * fault, so the budget starts when a worker picks the task up; this bounds the wait.
 */
const QUEUE_LIMIT_MS = 120_000;

/** Runs `kind` on `input` in the pool; rejects with AppError on timeout, crash or a task's own AppError. */
export async function runUntrusted<K extends TaskKind>(
  kind: K,
  input: Parameters<Tasks[K]>[0],
  opts: UntrustedOptions,
): Promise<Awaited<ReturnType<Tasks[K]>>> {
  const ac = new AbortController();
  const { port1, port2 } = new MessageChannel();
  let overBudget = false;
  let budget: NodeJS.Timeout | undefined;
  port1.once("message", () => {
    budget = setTimeout(() => {
      overBudget = true;
      ac.abort();
    }, opts.timeoutMs);
  });
  const queued = setTimeout(() => ac.abort(), QUEUE_LIMIT_MS);
  const signal = opts.signal ? AbortSignal.any([ac.signal, opts.signal]) : ac.signal;
  let res: TaskResult;
  try {
    res = (await getPool().run(
      { kind, input, started: port2 },
      { signal, transferList: [port2] },
    )) as TaskResult;
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    if (overBudget)
      throw new AppError("unprocessable", "the content took too long to process", {
        timeoutMs: opts.timeoutMs,
      });
    if (ac.signal.aborted)
      throw new AppError("service_unavailable", "too much content is being processed; try again");
    const why = `${(e as { code?: string }).code} ${e instanceof Error ? e.message : ""}`;
    const oom = /ERR_WORKER_OUT_OF_MEMORY|heap/i.test(why);
    throw new AppError(
      "unprocessable",
      oom ? "the content needs too much memory to process" : "the content could not be processed",
    );
  } finally {
    clearTimeout(budget);
    clearTimeout(queued);
    port1.close();
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
