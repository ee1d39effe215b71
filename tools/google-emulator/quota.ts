// Per-account quota units over a sliding 60 s window, like Gmail's per-user
// limit. Rejected calls cost nothing, as with Google.

const WINDOW_MS = 60_000;

export type QuotaDecision = { ok: true } | { ok: false; retryAfterSec: number };

export function createQuota(unitsPerMinute: number) {
  const usage = new Map<string, Array<{ at: number; units: number }>>();
  return {
    unitsPerMinute,
    take(account: string, units: number, now = Date.now()): QuotaDecision {
      const entries = (usage.get(account) ?? []).filter((e) => e.at > now - WINDOW_MS);
      usage.set(account, entries);
      const used = entries.reduce((s, e) => s + e.units, 0);
      if (used + units <= unitsPerMinute) {
        entries.push({ at: now, units });
        return { ok: true };
      }
      // Wait until enough of the oldest spend leaves the window.
      let freed = 0;
      let waitUntil = now + WINDOW_MS;
      for (const e of entries) {
        freed += e.units;
        if (used - freed + units <= unitsPerMinute) {
          waitUntil = e.at + WINDOW_MS;
          break;
        }
      }
      return { ok: false, retryAfterSec: Math.max(1, Math.ceil((waitUntil - now) / 1000)) };
    },
    reset(): void {
      usage.clear();
    },
  };
}

export type Quota = ReturnType<typeof createQuota>;
