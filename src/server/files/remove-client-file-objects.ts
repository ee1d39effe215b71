import { sql } from "drizzle-orm";
import type { SystemCtx } from "../context";
import { withSystem } from "../db/with-user";
import { removeObjects } from "../contacts/remove-avatar-objects";

/**
 * Removes the stored bytes of the files of soft-deleted contacts about to be purged
 * (deleted before `before`); their rows then go with the contact (FK cascade). Runs
 * before the purge, like the avatar sweep: once the rows are gone nothing names the keys.
 */
export async function removeClientFileObjectsOfPurgeable(ctx: SystemCtx, before: string): Promise<number> {
  const rows = await withSystem(ctx.db, (tx) =>
    tx.execute<{ storage_key: string }>(
      sql`SELECT f.storage_key FROM client_files f JOIN contacts c ON c.id = f.contact_id
        WHERE c.deleted_at < ${before}`,
    ),
  );
  return removeObjects(
    ctx,
    rows.rows.map((r) => r.storage_key),
  );
}

/** Every file key of one user (read before their account is deleted; the rows cascade). */
export async function clientFileKeysOfUser(ctx: SystemCtx, userId: string): Promise<string[]> {
  const rows = await withSystem(ctx.db, (tx) =>
    tx.execute<{ storage_key: string }>(sql`SELECT storage_key FROM client_files WHERE user_id = ${userId}`),
  );
  return rows.rows.map((r) => r.storage_key);
}
