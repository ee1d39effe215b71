import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Builds the app for the HTTP tests and the e2e suite. Each build goes to its own folder
// under .next-test-builds/ (so a rebuild never pulls files from under a server another test run
// is still using); `.next-test-builds/current` names the newest. A lock directory (mkdir is
// atomic) makes concurrent test files wait for one build; a stamp of the newest source
// mtime skips the build when nothing changed.
export const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");
const BASE = path.join(ROOT, ".next-test-builds");
const CURRENT = path.join(BASE, "current");
const LOCK = path.join(ROOT, ".next-test-builds.lock");
// The vitest main process that forked this test file: files of one run share one build
// even when someone edits sources meanwhile (the shared checkout never stands still).
const runId = `${process.ppid}`;
const INPUTS = [
  "src",
  "public",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const name of readdirSync(p)) {
    if (name.endsWith(".test.ts")) continue; // tests are not part of the app
    max = Math.max(max, newest(path.join(p, name)));
  }
  return max;
}

function sourceStamp(): string {
  return String(
    Math.max(
      ...INPUTS.map((p) => path.join(ROOT, p))
        .filter(existsSync)
        .map(newest),
    ),
  );
}

/** The newest complete build, relative to ROOT (what NEXT_DIST_DIR expects), or null. */
function currentBuild(): string | null {
  if (!existsSync(CURRENT)) return null;
  const rel = readFileSync(CURRENT, "utf8").trim();
  return existsSync(path.join(ROOT, rel, "BUILD_ID")) ? rel : null;
}

function usable(): string | null {
  const rel = currentBuild();
  if (!rel) return null;
  const dir = path.join(ROOT, rel);
  // Local iteration on tests only: HTTP_TEST_REUSE_BUILD=1 keeps whatever build exists.
  if (process.env.HTTP_TEST_REUSE_BUILD === "1") return rel;
  if (readIf(path.join(dir, ".omnicrm-build-run")) === runId) return rel;
  return readIf(path.join(dir, ".omnicrm-build-stamp")) === sourceStamp() ? rel : null;
}

function readIf(p: string): string | null {
  return existsSync(p) ? readFileSync(p, "utf8") : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ensures a build is there and returns its dist dir (relative to the repo root). */
export async function ensureBuilt(): Promise<string> {
  const ready = usable();
  if (ready) return ready;
  const waitStart = Date.now();
  const deadline = waitStart + 20 * 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the test build");
    try {
      mkdirSync(BASE, { recursive: true });
      mkdirSync(LOCK);
    } catch {
      // Someone else is building; a lock older than 20 minutes is from a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 20 * 60_000)
        rmSync(LOCK, { recursive: true, force: true });
      await sleep(1000);
      // A build that finished while we waited is good enough for this run.
      if (!existsSync(LOCK) && existsSync(CURRENT) && statSync(CURRENT).mtimeMs > waitStart) {
        const rel = currentBuild();
        if (rel) return rel;
      }
      continue;
    }
    try {
      return build();
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

function build(): string {
  const stamp = sourceStamp();
  const rel = `.next-test-builds/b-${Date.now()}`;
  // Next rewrites the tsconfig it builds with (adding the dist dir's types): give it a
  // throwaway one extending ours, so the committed tsconfig.json never changes.
  mkdirSync(BASE, { recursive: true });
  const tsconfig = path.join(BASE, "tsconfig.json");
  writeFileSync(tsconfig, JSON.stringify({ extends: "../tsconfig.json" }));
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: rel,
      NEXT_TSCONFIG_PATH: path.relative(ROOT, tsconfig),
      NEXT_TELEMETRY_DISABLED: "1",
      // Never touch a developer's .data (PGlite cannot be opened twice).
      DATA_DIR: path.join(tmpdir(), `omnicrm-build-${process.pid}`),
      DATABASE_URL: "",
      REDIS_URL: "",
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`);
  const dir = path.join(ROOT, rel);
  writeFileSync(path.join(dir, ".omnicrm-build-stamp"), stamp);
  writeFileSync(path.join(dir, ".omnicrm-build-run"), runId);
  writeFileSync(`${CURRENT}.tmp`, rel);
  renameSync(`${CURRENT}.tmp`, CURRENT);
  prune(path.basename(rel));
  return rel;
}

/** Drops builds older than an hour except the newest two (servers may still use them). */
function prune(keep: string): void {
  const builds = readdirSync(BASE)
    .filter((n) => n.startsWith("b-") && n !== keep)
    .sort()
    .reverse();
  for (const name of builds.slice(1)) {
    const dir = path.join(BASE, name);
    if (Date.now() - statSync(dir).mtimeMs > 60 * 60_000) rmSync(dir, { recursive: true, force: true });
  }
}
