import { closeDb, getDb } from "../src/server/db/client";
import { migrate, MigrationError } from "../src/server/db/migrate";
import { EnvError } from "../src/lib/env";
import { rootLog } from "../src/server/log";

// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded DB).
try {
  const { db, kind } = await getDb();
  const { applied } = await migrate(db);
  rootLog().info({ db: kind, applied }, applied.length ? "migrations applied" : "database up to date");
  await closeDb();
} catch (e) {
  if (e instanceof EnvError || e instanceof MigrationError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
