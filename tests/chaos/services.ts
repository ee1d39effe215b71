import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pingRedis } from "../../src/server/health/ping-redis";

// Private Postgres and Redis instances for the chaos tests: a throw-away initdb cluster and
// a redis-server on spare ports, never the machine's shared services (the tests kill them).

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The PostgreSQL server binaries (Debian's versioned dir, else PATH); throws when absent. */
export function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? execFileSync("ls", [root], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions)
    if (existsSync(path.join(root, v, "bin/initdb"))) return path.join(root, v, "bin");
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  if (which.status === 0) return path.dirname(which.stdout.trim());
  throw new Error("chaos tests need PostgreSQL's initdb/pg_ctl (apt-get install postgresql)");
}

export function redisServerBin(): string {
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  if (which.status !== 0) throw new Error("chaos tests need redis-server (apt-get install redis-server)");
  return which.stdout.trim();
}

export type PgInstance = {
  url: string;
  stopImmediate: () => void;
  start: () => void;
  destroy: () => void;
};

/** initdb + pg_ctl start on a spare port. As root, Postgres runs as the `postgres` user. */
export async function startPostgres(): Promise<PgInstance> {
  const bin = postgresBinDir();
  const port = await freePort();
  const base = mkdtempSync(path.join(tmpdir(), "omnicrm-chaos-pg-"));
  const data = path.join(base, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(base, uid, gid);
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
    const r = spawnSync(file, argv, { cwd: base, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const opts = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const start = () =>
    run("pg_ctl", ["-D", data, "-l", path.join(base, "log"), "-w", "-t", "60", "-o", opts, "start"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // A crash as far as the clients can tell: every backend killed, recovery on next start.
    stopImmediate: () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    start,
    destroy: () => {
      spawnSync(asRoot ? "runuser" : path.join(bin, "pg_ctl"), [
        ...(asRoot ? ["-u", "postgres", "--", path.join(bin, "pg_ctl")] : []),
        "-D",
        data,
        "-m",
        "immediate",
        "stop",
      ]);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

export type RedisInstance = {
  url: string;
  kill: () => Promise<void>;
  /** Starts again on the same port; `wipe` deletes its data first (Redis came back empty). */
  start: (o?: { wipe?: boolean }) => Promise<void>;
  destroy: () => Promise<void>;
};

/** redis-server with AOF on (the production setting) in a temp dir, on a spare port. */
export async function startRedis(): Promise<RedisInstance> {
  const bin = redisServerBin();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "omnicrm-chaos-redis-"));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async ({ wipe = false } = {}) => {
    if (wipe) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
    }
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes"];
    child = spawn(bin, [...args, "--save", "", "--maxmemory-policy", "noeviction"], { stdio: "ignore" });
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        await pingRedis(url, 500);
        return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await sleep(100);
      }
    }
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const gone = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await gone;
  };
  await start();
  return {
    url,
    kill,
    start,
    destroy: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
