import { spawn } from "node:child_process";

/**
 * Real PostgreSQL: `pg_dump -Fc` (a consistent snapshot while the app keeps running) and
 * `pg_restore --clean --if-exists` in one transaction. Needs the PostgreSQL client tools
 * on PATH, of the server's major version or newer.
 */
export async function backupPostgres(url: string, file: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${url}`]);
}

export async function restorePostgres(url: string, file: string): Promise<void> {
  // The app's RLS roles are cluster-wide, not part of a dump: make sure they exist before
  // the dump's GRANTs and policies reference them.
  await run("psql", [
    `--dbname=${url}`,
    "-v",
    "ON_ERROR_STOP=1",
    "-qc",
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'omnicrm_app') THEN CREATE ROLE omnicrm_app NOLOGIN NOBYPASSRLS; END IF;
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'omnicrm_system') THEN CREATE ROLE omnicrm_system NOLOGIN NOBYPASSRLS; END IF;
     END $$;`,
  ]);
  await run("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${url}`,
    file,
  ]);
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (e) =>
      reject(new Error(`${cmd} not found (${e.message}): install the PostgreSQL client tools`)),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}
