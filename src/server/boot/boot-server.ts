import { env } from "@/lib/env";
import { getDb } from "../db/client";
import { migrate } from "../db/migrate";
import { rootLog } from "../log";

const g = globalThis as unknown as { __omnicrmBooted?: Promise<void> };

/**
 * Server start-up: validate config (fail fast, naming each bad variable), open the
 * database, migrate it in embedded mode, and start in-process background work.
 */
export function bootServer(): Promise<void> {
  g.__omnicrmBooted ??= (async () => {
    const e = env();
    const log = rootLog();
    const { db, kind } = await getDb();
    if (kind === "pglite") {
      const { applied } = await migrate(db);
      if (applied.length) log.info({ applied }, "migrations applied");
    }
    if (process.env.OMNICRM_EXIT_WITH_PARENT === "1") {
      const { exitWhenOrphaned } = await import("./exit-when-orphaned");
      exitWhenOrphaned((parent) =>
        log.fatal({ parent }, "npm start was killed; exiting so it can restart cleanly"),
      );
    }
    const hooks = await import("./start-hooks");
    await hooks.runStartHooks({ db, log });
    log.info({ db: kind, queue: e.REDIS_URL ? "bullmq" : "embedded", port: e.PORT }, "OmniCRM server ready");
  })();
  return g.__omnicrmBooted;
}
