import type { Logger } from "../log";

/**
 * Tells "the database is not there right now" (restart, failover, network, a full disk
 * under the embedded database) from a bug or a bad query. Callers act on it: HTTP answers
 * 503 with Retry-After instead of 500, job bookkeeping waits and tries again.
 */

// SQLSTATE class 08 (connection exception) plus shutdown/start-up/too-many-connections.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// Socket errors (Postgres) and file-system errors (PGlite's data directory).
const ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOSPC",
  "EDQUOT",
  "EIO",
  "EROFS",
]);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|PGlite is closed|database system is (?:starting up|shutting down|in recovery mode)/i;

export function isDbUnavailable(e: unknown): boolean {
  // Drizzle wraps driver errors (DrizzleQueryError.cause); pg keeps the socket error as is.
  for (let cur = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (typeof cur !== "object") return false;
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && (code.startsWith("08") || SQLSTATES.has(code) || ERRNOS.has(code)))
      return true;
    const message = (cur as { message?: unknown }).message;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn`, and while it fails because the database is unavailable, tries again with
 * exponential back-off (250 ms doubling to 5 s) for up to `maxMs`. Any other error, or an
 * outage longer than that, is thrown. For idempotent bookkeeping (claim, record outcome).
 */
export async function retryWhileDbUnavailable<T>(
  fn: () => Promise<T>,
  o: { maxMs?: number; onRetry?: (e: unknown, attempt: number) => void } = {},
): Promise<T> {
  const deadline = Date.now() + (o.maxMs ?? 120_000);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isDbUnavailable(e) || Date.now() >= deadline) throw e;
      o.onRetry?.(e, attempt);
      await sleep(Math.min(250 * 2 ** (attempt - 1), 5_000));
    }
  }
}

/** One warning per outage (not one per retry of every message). */
export function dbOutageLogger(log: Logger): (e: unknown, attempt: number) => void {
  let last = 0;
  return (e, attempt) => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    log.warn({ err: e, attempt }, "database unavailable; job bookkeeping waits and retries");
  };
}
