import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");
/** Beside the checkout (not inside it), so linters, tsc and the test builds never see the copy. */
export const BENCH_APP = path.resolve(ROOT, "..", `${path.basename(ROOT)}-bench-app`);
const COPY = ["src", "public", "next.config.ts", "package.json", "tsconfig.json", "postcss.config.mjs"];

/**
 * The app as built for bench:api: a copy of the sources with two bench-only routes,
 *  1. a bare route handler /api/v1/bench-bare (no wrapper, no guards, no logging): the
 *     baseline every endpoint is compared with, in the same build and server;
 *  2. /api/v1/bench-trips, which counts the SQL round trips (pg Client#query calls) and Redis
 *     commands the process made since its last call, so bench:api can print per-request
 *     round trips next to the timings;
 *  3. (not a source change) bench-server.ts starts it with RATE_LIMIT_API_PER_MIN at its
 *     maximum, 10^6/min — the limiter still runs on every request (same cost), it just never
 *     says no, or one user's load test would be measuring 429s after 60 requests.
 * Built with `next build` (production), reused while the sources' git state is unchanged
 * (or always with `reuse`: --reuse-build, when others keep editing a shared checkout).
 */
export function ensureBenchBuild(log: (s: string) => void, reuse = false): string {
  const stamp = spawnSync(
    "bash",
    ["-c", "git rev-parse HEAD; git diff HEAD -- src public next.config.ts | sha1sum"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  ).stdout;
  const stampFile = path.join(BENCH_APP, ".bench-stamp");
  if (existsSync(stampFile) && (reuse || readFileSync(stampFile, "utf8") === stamp)) return BENCH_APP;
  log(`building the bench app in ${BENCH_APP} (next build; minutes on a busy machine)`);
  rmSync(BENCH_APP, { recursive: true, force: true });
  mkdirSync(BENCH_APP, { recursive: true });
  for (const p of COPY)
    if (existsSync(path.join(ROOT, p)))
      cpSync(path.join(ROOT, p), path.join(BENCH_APP, p), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(BENCH_APP, "node_modules"));
  const bare = path.join(BENCH_APP, "src/app/api/v1/bench-bare");
  mkdirSync(bare, { recursive: true });
  writeFileSync(
    path.join(bare, "route.ts"),
    `export const dynamic = "force-dynamic";\nexport function GET(): Response {\n  return Response.json({ ok: true, data: {} });\n}\n`,
  );
  const trips = path.join(BENCH_APP, "src/app/api/v1/bench-trips");
  mkdirSync(trips, { recursive: true });
  writeFileSync(path.join(trips, "route.ts"), TRIPS_ROUTE);
  // node_modules is a symlink into the checkout: let Turbopack see both trees.
  const cfg = path.join(BENCH_APP, "next.config.ts");
  writeFileSync(
    cfg,
    readFileSync(cfg, "utf8").replace(
      "const nextConfig: NextConfig = {",
      `const nextConfig: NextConfig = {\n  turbopack: { root: ${JSON.stringify(path.dirname(ROOT))} },`,
    ),
  );
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: BENCH_APP,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" },
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`bench build failed:\n${(r.stdout + r.stderr).slice(-4000)}`);
  writeFileSync(stampFile, stamp);
  return BENCH_APP;
}

// Patches the prototypes of the pg and ioredis modules the server itself loads (both are
// server externals resolved to the same real path), counting calls until the next GET.
const TRIPS_ROUTE = `import { createRequire } from "node:module";
export const dynamic = "force-dynamic";
type Counts = { sql: number; redis: number };
const g = globalThis as unknown as { __benchTrips?: Counts };
function install(): Counts {
  if (g.__benchTrips) return g.__benchTrips;
  const c: Counts = { sql: 0, redis: 0 };
  const req = createRequire(process.cwd() + "/package.json");
  const pg = req("pg") as { Client: { prototype: Record<string, unknown> } };
  const q = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) { c.sql++; return q.apply(this, a); };
  try {
    const io = req("ioredis") as { prototype: Record<string, unknown> };
    const s = io.prototype.sendCommand as (...a: unknown[]) => unknown;
    io.prototype.sendCommand = function (this: unknown, ...a: unknown[]) { c.redis++; return s.apply(this, a); };
  } catch {}
  return (g.__benchTrips = c);
}
export function GET(): Response {
  const c = install();
  const out = { ...c };
  c.sql = 0;
  c.redis = 0;
  return Response.json(out);
}
`;
