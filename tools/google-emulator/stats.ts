// Request counters for tests and benchmarks (e.g. "a full sync costs N units").

export type EmulatorStats = {
  requests: number;
  byEndpoint: Record<string, number>;
  throttled429: number;
  throttled403: number;
  serverErrors: number;
  unitsUsed: number;
  unitsByAccount: Record<string, number>;
};

export function createStats() {
  let s: EmulatorStats = empty();
  return {
    hit(endpoint: string): void {
      s.requests++;
      s.byEndpoint[endpoint] = (s.byEndpoint[endpoint] ?? 0) + 1;
    },
    /** Counts requests the emulator refused on purpose (faults, quota). */
    rejected(code: number): void {
      if (code === 429) s.throttled429++;
      else if (code === 403) s.throttled403++;
      else if (code >= 500) s.serverErrors++;
    },
    units(account: string, units: number): void {
      s.unitsUsed += units;
      s.unitsByAccount[account] = (s.unitsByAccount[account] ?? 0) + units;
    },
    snapshot: (): EmulatorStats => structuredClone(s),
    reset(): void {
      s = empty();
    },
  };
}

function empty(): EmulatorStats {
  return {
    requests: 0,
    byEndpoint: {},
    throttled429: 0,
    throttled403: 0,
    serverErrors: 0,
    unitsUsed: 0,
    unitsByAccount: {},
  };
}

export type Stats = ReturnType<typeof createStats>;
