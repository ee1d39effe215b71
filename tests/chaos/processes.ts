import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "../http/build";

/** An app process (web, worker, `npm start`) the chaos tests start, kill and start again. */
export type AppProcess = {
  name: string;
  logs: () => Record<string, unknown>[];
  waitForLog: (match: (l: Record<string, unknown>) => boolean, timeoutMs?: number) => Promise<void>;
  /** SIGKILL to the whole process group (what an OOM kill or a crashed host does). */
  kill: () => Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop: () => Promise<void>;
  exitCode: () => number | null;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function spawnApp(name: string, cmd: string, args: string[], env: Record<string, string>): AppProcess {
  const child: ChildProcess = spawn(cmd, args, {
    cwd: ROOT,
    detached: true, // own process group: kill() takes its children too
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  const lines: Record<string, unknown>[] = [];
  const onData = (buf: Buffer) => {
    for (const raw of buf.toString("utf8").split("\n")) {
      if (!raw.trim()) continue;
      try {
        lines.push(JSON.parse(raw) as Record<string, unknown>);
      } catch {
        lines.push({ msg: raw });
      }
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  let exited = false;
  const exit = new Promise<void>((r) =>
    child.once("exit", () => {
      exited = true;
      r();
    }),
  );
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  // The group leader (npm) can exit before its children (the server closing its database).
  const groupGone = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        process.kill(-child.pid!, 0);
      } catch {
        return true;
      }
      if (Date.now() > deadline) return false;
      await sleep(100);
    }
  };
  return {
    name,
    logs: () => lines,
    async waitForLog(match, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (!lines.some(match)) {
        if (exited) throw new Error(`${name} exited:\n${tail(lines)}`);
        if (Date.now() > deadline) throw new Error(`${name}: log line not seen:\n${tail(lines)}`);
        await sleep(200);
      }
    },
    async kill() {
      signal("SIGKILL");
      await exit;
      await groupGone(5_000);
    },
    async stop() {
      signal("SIGTERM");
      if (!(await groupGone(15_000))) await this.kill();
      await exit;
    },
    exitCode: () => child.exitCode,
  };
}

export function tail(lines: Record<string, unknown>[], n = 40): string {
  return lines
    .slice(-n)
    .map((l) => JSON.stringify(l))
    .join("\n");
}

/** `next start` on the test build (the web process of the scaled-out shape). */
export function startWeb(distDir: string, port: number, env: Record<string, string>): AppProcess {
  return spawnApp(
    "web",
    process.execPath,
    [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    // Production refuses to start without SMTP_URL unless password reset is off; no mail here.
    {
      ...env,
      NODE_ENV: "production",
      PASSWORD_RESET_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      PORT: String(port),
    },
  );
}

/** `npm run worker` (tsx src/worker/main.ts). */
export function startWorker(env: Record<string, string>): AppProcess {
  return spawnApp("worker", process.execPath, ["--import", "tsx", "src/worker/main.ts"], env);
}

/** `npm start` itself: config check, build check, migrations, then next start + jobs. */
export function startNpmStart(distDir: string, port: number, env: Record<string, string>): AppProcess {
  return spawnApp("npm start", "npm", ["start", "--silent"], {
    ...env,
    NEXT_DIST_DIR: distDir,
    PORT: String(port),
  });
}

/** Waits until GET /api/v1/ready answers 200; returns the milliseconds it took. */
export async function waitReady(url: string, timeoutMs = 120_000, proc?: AppProcess): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    try {
      const r = await fetch(`${url}/api/v1/ready`, { signal: AbortSignal.timeout(5000) });
      if (r.status === 200) return Date.now() - t0;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`${url} not ready within ${timeoutMs} ms${proc ? `:\n${tail(proc.logs())}` : ""}`);
    await sleep(250);
  }
}
