import { sql, type SQL } from "drizzle-orm";
import type { SystemCtx } from "../context";
import { withSystem } from "../db/with-user";
import { removeAvatarObjectsOfPurgeable } from "../contacts/remove-avatar-objects";
import { removeClientFileObjectsOfPurgeable } from "../files/remove-client-file-objects";

export type RetentionPolicy = {
  /** Raw provider payloads are kept this long after normalization (RETENTION_RAW_EVENTS_DAYS). */
  rawEventsDays: number;
  softDeletedContactsDays: number;
  syncAuditDays: number;
  securityEventsDays: number;
};

export const defaultRetention = (rawEventsDays: number): RetentionPolicy => ({
  rawEventsDays,
  softDeletedContactsDays: 30,
  syncAuditDays: 365,
  securityEventsDays: 90,
});

export type RetentionCounts = {
  rawEvents: number;
  contacts: number;
  syncAudit: number;
  securityEvents: number;
};

const BATCH = 5000;

/**
 * Purges what the retention policy says is past keeping, across all users (a system
 * operation). Deletes in bounded batches, each its own transaction, so a large backlog
 * never holds long locks; re-running is harmless. Soft-deleted contacts take their
 * notes, identities, tags and interaction links with them (FK cascades).
 */
export async function runRetention(
  ctx: SystemCtx,
  policy: RetentionPolicy,
  now: Date = new Date(),
): Promise<RetentionCounts> {
  const before = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  // Stored photos and client files go first: once the rows are gone nothing points at them.
  await removeAvatarObjectsOfPurgeable(ctx, before(policy.softDeletedContactsDays));
  await removeClientFileObjectsOfPurgeable(ctx, before(policy.softDeletedContactsDays));
  const counts: RetentionCounts = {
    // Unprocessed raw events are never purged: they are still waiting for normalization.
    rawEvents: await purge(ctx, "raw_events", sql`processed_at < ${before(policy.rawEventsDays)}`),
    contacts: await purge(ctx, "contacts", sql`deleted_at < ${before(policy.softDeletedContactsDays)}`),
    syncAudit: await purge(ctx, "sync_audit", sql`created_at < ${before(policy.syncAuditDays)}`),
    securityEvents: await purge(
      ctx,
      "security_events",
      sql`created_at < ${before(policy.securityEventsDays)}`,
    ),
  };
  ctx.log.info({ retention: counts, policy }, "retention purge finished");
  return counts;
}

async function purge(ctx: SystemCtx, table: string, where: SQL): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await withSystem(ctx.db, async (tx) => {
      const r = await tx.execute(
        sql`DELETE FROM ${sql.identifier(table)} WHERE id IN (
          SELECT id FROM ${sql.identifier(table)} WHERE ${where} LIMIT ${BATCH}) RETURNING 1`,
      );
      // RETURNING rows count the same on node-postgres and PGlite (rowCount differs).
      return r.rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
