// `npm run db:backup [FILE]`: backs up DATABASE_URL (pg_dump custom format) or the
// embedded database (PGlite tarball; stop the app first). Prints the file written.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { env, EnvError } from "../src/lib/env";
import { backupPglite } from "../src/server/backup/pglite-backup";
import { backupPostgres } from "../src/server/backup/postgres-backup";

try {
  const e = env();
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.resolve(
    process.argv[2] ??
      path.join(e.DATA_DIR, "backups", `omnicrm-${stamp}.${e.DATABASE_URL ? "pgdump" : "tar.gz"}`),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  if (e.DATABASE_URL) await backupPostgres(e.DATABASE_URL, file);
  else await backupPglite(path.resolve(e.DATA_DIR, "pglite"), file);
  process.stdout.write(`${file}\n`);
} catch (err) {
  process.stderr.write(`backup failed: ${err instanceof EnvError ? err.message : (err as Error).message}\n`);
  process.exit(1);
}
