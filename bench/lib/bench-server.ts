import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { ROOT } from "./bench-build";
import { peakRssMb } from "./setup";

export type BenchServer = { url: string; peakRssMb: () => Promise<number>; stop: () => Promise<void> };

const secrets = {
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * `next start` on the bench build, env as the HTTP test harness sets it (tests/http/server.ts),
 * with warn-level logs (request logging still runs; only its output is filtered) and
 * the same secrets across restarts so sessions survive a restart.
 */
export async function startBenchServer(
  appDir: string,
  dataDir: string,
  o: { cpuProfDir?: string } = {},
): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(o.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${o.cpuProfDir}`] : []),
      path.join(ROOT, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: appDir,
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: "",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        APP_URL: url,
        DATA_DIR: dataDir,
        DATABASE_URL: process.env.DATABASE_URL ?? "",
        REDIS_URL: process.env.REDIS_URL ?? "",
        LOG_LEVEL: "warn",
        LOG_PRETTY: "",
        TRUST_PROXY: "1",
        // The limiter still runs on every request; at 10^6/min it never rejects a load test.
        RATE_LIMIT_API_PER_MIN: "1000000",
        // Production config demands SMTP for password reset; the bench sends no mail.
        PASSWORD_RESET_DISABLED: "1",
        ...secrets,
      },
    },
  );
  let err = "";
  child.stderr!.on("data", (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) throw new Error(`bench server exited:\n${err}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`bench server not healthy in 180 s:\n${err}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    peakRssMb: async () => {
      const kids = spawnSync("pgrep", ["-g", String(child.pid)], { encoding: "utf8" })
        .stdout.split("\n")
        .filter(Boolean);
      const all = await Promise.all([child.pid!, ...kids.map(Number)].map((p) => peakRssMb(p)));
      return Math.max(0, ...all.map((x) => x ?? 0));
    },
    stop: async () => {
      if (exited || !child.pid) return;
      const done = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
      if (!exited) process.kill(-child.pid, "SIGKILL");
    },
  };
}
