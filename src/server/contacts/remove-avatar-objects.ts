import { sql } from "drizzle-orm";
import type { SystemCtx } from "../context";
import { withSystem } from "../db/with-user";
import { objectStore } from "../storage/object-store";

/**
 * Removes the stored avatar images of soft-deleted contacts about to be purged (deleted
 * before `before`), so purging a contact row never leaves its photo behind on disk or in
 * the bucket. Runs before the row delete; a failed removal is logged, never fatal (the
 * object's key is random and no longer served once the row is gone).
 */
export async function removeAvatarObjectsOfPurgeable(ctx: SystemCtx, before: string): Promise<number> {
  const rows = await withSystem(ctx.db, (tx) =>
    tx.execute<{ avatar_path: string }>(
      sql`SELECT avatar_path FROM contacts WHERE deleted_at < ${before} AND avatar_path IS NOT NULL`,
    ),
  );
  return removeObjects(
    ctx,
    rows.rows.map((r) => r.avatar_path),
  );
}

/** Every avatar key of one user's contacts (read before their account is deleted). */
export async function avatarKeysOfUser(ctx: SystemCtx, userId: string): Promise<string[]> {
  const rows = await withSystem(ctx.db, (tx) =>
    tx.execute<{ avatar_path: string }>(
      sql`SELECT avatar_path FROM contacts WHERE user_id = ${userId} AND avatar_path IS NOT NULL`,
    ),
  );
  return rows.rows.map((r) => r.avatar_path);
}

export async function removeObjects(ctx: SystemCtx, keys: string[]): Promise<number> {
  const store = objectStore();
  let removed = 0;
  for (const key of keys) {
    try {
      await store.remove(key);
      removed++;
    } catch (err) {
      ctx.log.warn({ err, key }, "could not remove a stored object");
    }
  }
  return removed;
}
