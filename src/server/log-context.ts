import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { rootLog, type Logger } from "./log";

type LogScope = { log: Logger; requestId?: string };

const g = globalThis as unknown as { __omnicrmLogStore?: AsyncLocalStorage<LogScope> };
const store = (g.__omnicrmLogStore ??= new AsyncLocalStorage<LogScope>());

/** Runs `fn` with a child logger bound to `bindings` (requestId, userId, jobId, batchId…). */
export function withLogScope<T>(bindings: Record<string, unknown>, fn: () => T): T {
  const parent = store.getStore()?.log ?? rootLog();
  const requestId = (bindings.requestId as string | undefined) ?? store.getStore()?.requestId;
  return store.run({ log: parent.child(bindings), requestId }, fn);
}

export function currentLog(): Logger {
  return store.getStore()?.log ?? rootLog();
}

export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's request id only when it is safe to echo into logs and headers. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}
