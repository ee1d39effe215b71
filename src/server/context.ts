import type { Logger } from "./log";
import type { Db } from "./db/client";

/** What every core operation receives: the database, the acting user and a bound logger. */
export type Ctx = { db: Db; userId: string; log: Logger };

/** For operations with no acting user (schedulers, sweepers, webhooks). */
export type SystemCtx = { db: Db; log: Logger };
