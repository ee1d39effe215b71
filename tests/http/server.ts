import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, ensureBuilt } from "./build";
import { startSmtpSink, type SinkMail } from "./smtp-sink";

export type TestServer = {
  url: string;
  /** The server's DATA_DIR (uploads live under it in embedded mode). */
  dataDir: string;
  /** Resident memory of the server's process group, in bytes (Linux /proc). */
  rssBytes: () => number;
  /** Every log line the server printed so far (pino JSON, parsed when possible). */
  logs: () => Record<string, unknown>[];
  waitForLog: (
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ) => Promise<Record<string, unknown>>;
  /** The password-reset link last sent to `email`: from the log (local installs) or the SMTP sink. */
  resetLinkFor: (email: string, timeoutMs?: number) => Promise<string>;
  stop: () => Promise<void>;
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
 * Starts `next start` on the test build with a fresh DATA_DIR (embedded PGlite), or on
 * TEST_DATABASE_URL/DATABASE_URL and REDIS_URL when set. TRUST_PROXY is on so each test
 * client can present its own X-Forwarded-For and IP-keyed limits never leak between tests.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const distDir = await ensureBuilt();
  const dbUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "";
  if (dbUrl) await migrateOnce(dbUrl);
  // Production on a real database refuses to start without SMTP_URL: give it a sink.
  const sink =
    dbUrl && !extraEnv.SMTP_URL && !extraEnv.PASSWORD_RESET_DISABLED ? await startSmtpSink() : null;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "omnicrm-http-"));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        APP_URL: url,
        DATA_DIR: dataDir,
        DATABASE_URL: dbUrl,
        REDIS_URL: process.env.REDIS_URL ?? "",
        LOG_LEVEL: "info",
        LOG_PRETTY: "",
        TRUST_PROXY: "1",
        ...(sink ? { SMTP_URL: sink.url } : {}),
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        ...extraEnv,
      },
    },
  );
  const lines: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  const onData = (buf: Buffer) => {
    for (const raw of buf.toString("utf8").split("\n")) {
      if (!raw.trim()) continue;
      try {
        lines.push(JSON.parse(raw) as Record<string, unknown>);
      } catch {
        lines.push({ msg: raw });
      }
    }
    for (const w of waiters) w();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  let exited = false;
  child.on("exit", () => (exited = true));

  // Generous: a loaded 2-core machine (parallel builds, test files) slows the first boot.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) throw new Error(`server exited:\n${lines.map((l) => JSON.stringify(l)).join("\n")}`);
    try {
      const r = await fetch(`${url}/api/v1/health`);
      if (r.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const tail = lines
        .slice(-30)
        .map((l) => JSON.stringify(l))
        .join("\n");
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`server did not become healthy in 180s; last log lines:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    dataDir,
    rssBytes: () => groupRss(child.pid!),
    logs: () => lines,
    waitForLog: (match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = lines.find(match);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error("log line not seen"));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    resetLinkFor: async (email, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      const fromMail = (m: SinkMail) =>
        /https?:\/\/\S+\/reset-password\?token=[\w%.-]+/.exec(
          m.data.replace(/=\r\n/g, "").replace(/=3D/g, "="),
        )?.[0];
      for (;;) {
        const line = [...lines].reverse().find((l) => l.to === email && typeof l.resetLink === "string");
        if (line) return String(line.resetLink);
        const mail = [...(sink?.mails ?? [])].reverse().find((m) => m.to.some((t) => t.includes(email)));
        const link = mail && fromMail(mail);
        if (link) return link;
        if (Date.now() > deadline) throw new Error(`no reset link for ${email}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: async () => {
      if (!exited && child.pid) {
        const done = new Promise((r) => child.once("exit", r));
        process.kill(-child.pid, "SIGTERM");
        await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
        if (!exited) process.kill(-child.pid, "SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
      await sink?.close();
    },
  };
}

/** Sums VmRSS over every process whose group is `pgid` (next start may fork). */
function groupRss(pgid: number): number {
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue; // field 5 (pgrp), counted after "pid (comm) "
      const kb = /VmRSS:\s*(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // the process exited meanwhile
    }
  }
  return total;
}

async function migrateOnce(url: string): Promise<void> {
  // Real Postgres is not migrated by the server itself (only embedded PGlite is).
  const { openPostgres } = await import("../../src/server/db/client");
  const { migrate } = await import("../../src/server/db/migrate");
  const h = await openPostgres(url, 1);
  try {
    await migrate(h.db);
  } finally {
    await h.close();
  }
}
