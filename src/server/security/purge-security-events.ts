import { lt } from "drizzle-orm";
import type { SystemCtx } from "../context";
import { securityEvents } from "../db/schema/sync";
import { withSystem } from "../db/with-user";

/**
 * Retention: deletes security events older than `days` (default 90). Idempotent; meant to
 * be run daily by the scheduler. Returns how many rows were removed.
 */
export async function purgeSecurityEvents(ctx: SystemCtx, input: { days?: number } = {}): Promise<number> {
  const cutoff = new Date(Date.now() - (input.days ?? 90) * 86_400_000);
  const rows = await withSystem(ctx.db, (tx) =>
    tx
      .delete(securityEvents)
      .where(lt(securityEvents.createdAt, cutoff))
      .returning({ id: securityEvents.id }),
  );
  ctx.log.info({ removed: rows.length, cutoff }, "security events purged");
  return rows.length;
}
