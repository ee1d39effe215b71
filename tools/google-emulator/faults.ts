// Fault injection, so the app's retry/backoff paths can be exercised on demand.
import { apiErrors, type GoogleApiError } from "./errors";

export type FaultKind = "rate_limit_429" | "rate_limit_403" | "server_500" | "slow" | "lose_response";

export type FaultSpec = {
  kind: FaultKind;
  /** Active for this long from now; with neither forMs nor count, until clearFaults(). */
  forMs?: number;
  /** Number of matching requests to affect. */
  count?: number;
  /**
   * For "slow" (default 1000 ms). For "lose_response": how long the connection is held open
   * after the request was carried out before it is dropped with no answer (default 0).
   */
  delayMs?: number;
  /** Path prefix to match; default: API paths only (/gmail/, /calendar/). */
  pathPrefix?: string;
  /** Retry-After seconds sent with rate_limit_429 (default 1). */
  retryAfterSec?: number;
};

type Active = FaultSpec & { id: number; until?: number; remaining?: number };

/**
 * loseResponseAfterMs: the request is carried out (a message is sent, a label changed) but
 * the caller never gets the answer, like a worker killed or a network cut after Google
 * accepted the call. Exercises the app's exactly-once paths.
 */
export type FaultOutcome = { delayMs: number; error?: GoogleApiError; loseResponseAfterMs?: number };

export function createFaults() {
  let active: Active[] = [];
  let nextId = 1;
  const matches = (f: Active, path: string, isApi: boolean) =>
    f.pathPrefix ? path.startsWith(f.pathPrefix) : isApi;
  return {
    set(spec: FaultSpec): number {
      const id = nextId++;
      active.push({
        ...spec,
        id,
        until: spec.forMs !== undefined ? Date.now() + spec.forMs : undefined,
        remaining: spec.count,
      });
      return id;
    },
    clear(): void {
      active = [];
    },
    list: (): FaultSpec[] => active.map(({ id: _id, until: _u, remaining: _r, ...spec }) => spec),
    /** Consumes matching faults: all "slow" ones add delay, the first error fault wins. */
    check(path: string, isApi: boolean): FaultOutcome {
      const now = Date.now();
      active = active.filter(
        (f) => (f.until === undefined || f.until > now) && (f.remaining === undefined || f.remaining > 0),
      );
      const outcome: FaultOutcome = { delayMs: 0 };
      for (const f of active) {
        if (!matches(f, path, isApi)) continue;
        if (f.kind === "lose_response") {
          if (outcome.loseResponseAfterMs !== undefined || outcome.error) continue;
          if (f.remaining !== undefined) f.remaining--;
          outcome.loseResponseAfterMs = f.delayMs ?? 0;
          continue;
        }
        if (f.kind !== "slow" && (outcome.error || outcome.loseResponseAfterMs !== undefined)) continue;
        if (f.remaining !== undefined) f.remaining--;
        if (f.kind === "slow") outcome.delayMs += f.delayMs ?? 1000;
        else if (f.kind === "rate_limit_429")
          outcome.error = apiErrors.rateLimited(f.retryAfterSec ?? 1, now);
        else if (f.kind === "rate_limit_403") outcome.error = apiErrors.userRateLimit403();
        else outcome.error = apiErrors.backendError();
      }
      return outcome;
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
