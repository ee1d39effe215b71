/**
 * The one hook through which the core reports unexpected errors to an error tracker.
 * A no-op until a tracker (Sentry, when SENTRY_DSN is set) installs itself, so nothing in
 * the core depends on one. Imports nothing: safe for every module to call.
 */
export type ErrorTags = { requestId?: string; jobId?: string; kind?: string; process?: string };
export type ErrorReporter = (error: unknown, tags: ErrorTags) => void;

// On globalThis: Next.js may load this module more than once (one copy per bundle).
const g = globalThis as unknown as { __omnicrmErrorReporter?: ErrorReporter };

export function setErrorReporter(reporter: ErrorReporter | undefined): void {
  g.__omnicrmErrorReporter = reporter;
}

/** Never throws: a broken tracker must not turn a handled error into another one. */
export function reportError(error: unknown, tags: ErrorTags = {}): void {
  const reporter = g.__omnicrmErrorReporter;
  if (!reporter) return;
  try {
    reporter(error, tags);
  } catch {
    // The tracker's own failure is not the caller's problem.
  }
}
