import { createRequire } from "node:module";
import { percentile } from "./stats";

type Instance = {
  on(ev: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
type Result = {
  duration: number;
  requests: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};
type Autocannon = (
  o: {
    url: string;
    connections: number;
    duration: number;
    headers?: Record<string, string>;
    timeout?: number;
  },
  cb: (err: Error | null, r: Result) => void,
) => Instance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export type LoadResult = { rps: number; p50: number; p95: number; p99: number; errors: number; n: number };

/** One autocannon run; percentiles from every response time (autocannon's own summary has no p95). */
export function load(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string>,
): Promise<LoadResult> {
  const lat: number[] = [];
  return new Promise((resolve, reject) => {
    const inst = autocannon({ url, connections, duration: seconds, headers, timeout: 30 }, (err, r) => {
      if (err) return reject(err);
      resolve({
        rps: r.requests.total / r.duration,
        p50: percentile(lat, 50),
        p95: percentile(lat, 95),
        p99: percentile(lat, 99),
        errors: r.errors + r.timeouts + r.non2xx,
        n: r.requests.total,
      });
    });
    inst.on("response", (_c, _s, _b, ms) => lat.push(ms));
  });
}

/** One page's API calls fired together, again and again for `seconds`: pages per second and per-page times. */
export async function loadPage(
  base: string,
  calls: string[],
  seconds: number,
  headers: Record<string, string>,
): Promise<LoadResult> {
  const lat: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  while (performance.now() < end) {
    const t = performance.now();
    await Promise.all(
      calls.map(async (u) => {
        const r = await fetch(base + u, { headers, signal: AbortSignal.timeout(30_000) });
        await r.arrayBuffer();
        if (r.status >= 400) errors++;
      }),
    );
    lat.push(performance.now() - t);
  }
  return {
    rps: lat.length / ((performance.now() - t0) / 1000),
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    p99: percentile(lat, 99),
    errors,
    n: lat.length,
  };
}
