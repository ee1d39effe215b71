import { GoogleError } from "./errors";

type State = { failures: number; openUntil: number };

const g = globalThis as unknown as { __omnicrmBreakers?: Map<string, State> };
const breakers = (g.__omnicrmBreakers ??= new Map());

export const BREAKER_THRESHOLD = 8;
export const BREAKER_OPEN_MS = 30_000;

/**
 * Stops hammering a failing Google: after BREAKER_THRESHOLD consecutive temporary
 * failures for a key (user + service), calls fail fast for BREAKER_OPEN_MS; the job
 * layer then retries later. One success closes it again.
 */
export function breakerCheck(key: string): void {
  const s = breakers.get(key);
  if (s && s.openUntil > Date.now()) {
    throw new GoogleError(
      "temporary",
      "Google is failing repeatedly; pausing",
      undefined,
      s.openUntil - Date.now(),
    );
  }
}

export function breakerRecord(key: string, ok: boolean): void {
  if (ok) {
    breakers.delete(key);
    return;
  }
  const s = breakers.get(key) ?? { failures: 0, openUntil: 0 };
  s.failures += 1;
  if (s.failures >= BREAKER_THRESHOLD) {
    s.openUntil = Date.now() + BREAKER_OPEN_MS;
    s.failures = 0;
  }
  breakers.set(key, s);
}

export function resetBreakers(): void {
  breakers.clear();
}
