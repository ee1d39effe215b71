import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { env, EnvError } from "../src/lib/env";
import { exitWhenOrphaned } from "../src/server/boot/exit-when-orphaned";

// `npm start`: validate config, build when sources changed since the last build, apply
// migrations, then serve. One command from a fresh clone.
const root = process.cwd();
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function newestMtime(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const name of readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, name)));
  return max;
}

function needsBuild(): boolean {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const inputs = [
    "src",
    "public",
    "next.config.ts",
    "package.json",
    "package-lock.json",
    "postcss.config.mjs",
  ];
  return inputs.some((p) => existsSync(p) && newestMtime(path.join(root, p)) > built);
}

let e;
try {
  e = env();
} catch (err) {
  if (err instanceof EnvError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}

if (needsBuild()) {
  process.stdout.write("Building OmniCRM (first start or sources changed)…\n");
  const r = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const migrate = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/migrate.ts"],
  { stdio: "inherit" },
);
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const child = spawn(process.execPath, [nextBin, "start", "-p", String(e.PORT)], {
  stdio: "inherit",
  // The server exits by itself if this process is killed without passing a signal on.
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    OMNICRM_EXIT_WITH_PARENT: "1",
  },
});
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    stopping = true;
    child.kill(sig);
  });
// A server that died (crash, OOM kill) must not look like a clean stop to the supervisor.
child.on("exit", (code, signal) => {
  if (signal && !stopping) process.stderr.write(`OmniCRM server was killed by ${signal}\n`);
  process.exit(code ?? (stopping ? 0 : 1));
});
exitWhenOrphaned((parent) => {
  process.stderr.write(`npm start: parent process ${parent} is gone; stopping the server\n`);
  child.kill("SIGTERM");
});
