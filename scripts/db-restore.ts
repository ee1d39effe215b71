// `npm run db:restore FILE`: restores a backup made by `npm run db:backup` into
// DATABASE_URL (pg_restore --clean) or the embedded DATA_DIR (the old directory is moved
// aside, never deleted). Stop the app and workers first.
import path from "node:path";
import { env, EnvError } from "../src/lib/env";
import { restorePglite } from "../src/server/backup/pglite-backup";
import { restorePostgres } from "../src/server/backup/postgres-backup";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: npm run db:restore FILE\n");
  process.exit(2);
}
try {
  const e = env();
  if (e.DATABASE_URL) {
    await restorePostgres(e.DATABASE_URL, path.resolve(file));
    process.stdout.write("restored into DATABASE_URL; run `npm run db:migrate` if the backup is older\n");
  } else {
    const r = await restorePglite(path.resolve(e.DATA_DIR, "pglite"), path.resolve(file));
    if (r.movedAside) process.stdout.write(`previous database kept at ${r.movedAside}\n`);
    process.stdout.write("restored the embedded database\n");
  }
} catch (err) {
  process.stderr.write(`restore failed: ${err instanceof EnvError ? err.message : (err as Error).message}\n`);
  process.exit(1);
}
