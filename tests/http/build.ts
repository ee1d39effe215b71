import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Builds the app once into .next-test for every HTTP test file and the e2e suite. A lock
// directory (mkdir is atomic) makes concurrent test files wait for one build; a stamp of
// the newest source mtime skips the build when nothing changed.
export const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");
export const DIST_DIR = ".next-test";
const DIST = path.join(ROOT, DIST_DIR);
const LOCK = path.join(ROOT, ".next-test.lock");
const STAMP = path.join(DIST, ".omnicrm-build-stamp");
// The vitest main process that forked this test file: files of one run share one build
// even when someone edits sources meanwhile (the shared checkout never stands still).
const RUN = path.join(DIST, ".omnicrm-build-run");
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

function upToDate(): boolean {
  if (existsSync(path.join(DIST, "BUILD_ID")) && existsSync(RUN) && readFileSync(RUN, "utf8") === runId)
    return true;
  return (
    existsSync(path.join(DIST, "BUILD_ID")) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === sourceStamp()
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Others may keep editing sources during a build, so "up to date" is judged once: a build
 * that finished while we waited for the lock is good enough for this run.
 */
export async function ensureBuilt(): Promise<void> {
  if (upToDate()) return;
  const waitStart = Date.now();
  const deadline = waitStart + 20 * 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the test build");
    try {
      mkdirSync(LOCK);
    } catch {
      // Someone else is building; a lock older than 20 minutes is from a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 20 * 60_000)
        rmSync(LOCK, { recursive: true, force: true });
      await sleep(1000);
      if (!existsSync(LOCK) && existsSync(STAMP) && statSync(STAMP).mtimeMs > waitStart) return;
      continue;
    }
    try {
      build();
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

function build(): void {
  const stamp = sourceStamp();
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      // Never touch a developer's .data (PGlite cannot be opened twice).
      DATA_DIR: path.join(tmpdir(), `omnicrm-build-${process.pid}`),
      DATABASE_URL: "",
      REDIS_URL: "",
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`);
  writeFileSync(STAMP, stamp);
  writeFileSync(RUN, runId);
}
