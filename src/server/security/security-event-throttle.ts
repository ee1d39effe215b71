/**
 * Rejections an anonymous client can trigger at will (a foreign Origin, a missing or forged
 * CSRF token) would otherwise let anyone fill security_events. Each (kind, ip) pair stores
 * at most one row per window; the rest are still logged, and the next stored row counts
 * what was skipped. Per process (a multi-instance deployment stores one row per instance).
 */
export const THROTTLED_KINDS: ReadonlySet<string> = new Set(["origin_rejected", "csrf_rejected"]);
export const THROTTLE_WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;

type Window = { startedAt: number; suppressed: number };

export type ThrottleVerdict = { store: true; suppressedBefore: number } | { store: false };

export function createSecurityEventThrottle(windowMs = THROTTLE_WINDOW_MS) {
  const windows = new Map<string, Window>();
  return (kind: string, ip: string | null | undefined, now = Date.now()): ThrottleVerdict => {
    if (!THROTTLED_KINDS.has(kind)) return { store: true, suppressedBefore: 0 };
    const key = `${kind}|${ip ?? "unknown"}`;
    const w = windows.get(key);
    if (w && now - w.startedAt < windowMs) {
      w.suppressed++;
      return { store: false };
    }
    // Bounded memory under a spray of spoofed IPs: expired windows are dropped first.
    if (windows.size >= MAX_KEYS) {
      for (const [k, v] of windows) if (now - v.startedAt >= windowMs) windows.delete(k);
      if (windows.size >= MAX_KEYS) windows.clear();
    }
    windows.set(key, { startedAt: now, suppressed: 0 });
    return { store: true, suppressedBefore: w?.suppressed ?? 0 };
  };
}
