import type { Logger } from "./log";
import type { Db } from "./db/client";
import type { Tx } from "./db/with-user";

/**
 * What every core operation receives: the database, the acting user and a bound logger.
 * `tx`, when set, is a transaction the caller opened with withUser for this user: the
 * operation's own withUser(ctx, …) runs inside it instead of opening another.
 */
export type Ctx = { db: Db; userId: string; log: Logger; tx?: Tx };

/** For operations with no acting user (schedulers, sweepers, webhooks). */
export type SystemCtx = { db: Db; log: Logger };
