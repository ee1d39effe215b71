import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { Logger } from "../log";
import { heartbeat } from "./job-store";
import { JobAbort } from "./run-job";

export const HEARTBEAT_MS = 10_000;

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * The jobs one process is running. A heartbeat renews their lease in the jobs table (the
 * sweeper re-queues rows whose lease lapsed: their process died) and aborts the ones that
 * were cancelled meanwhile (undo) or taken over.
 */
export function createInflight(db: Db, workerId: string, log: Logger, heartbeatMs = HEARTBEAT_MS) {
  const running = new Map<string, AbortController>();
  const timer = setInterval(() => {
    heartbeat(db, [...running.keys()], workerId).then(
      (lost) => {
        for (const id of lost) running.get(id)?.abort(new JobAbort("cancelled", "job was cancelled"));
      },
      (e: unknown) => log.warn({ err: e }, "job heartbeat failed"),
    );
  }, heartbeatMs);
  timer.unref();
  return {
    running,
    add(id: string): AbortController {
      const ac = new AbortController();
      running.set(id, ac);
      return ac;
    },
    remove(id: string) {
      running.delete(id);
    },
    abortAll(reason: JobAbort) {
      for (const ac of running.values()) ac.abort(reason);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
export type Inflight = ReturnType<typeof createInflight>;
