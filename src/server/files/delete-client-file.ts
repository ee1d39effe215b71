import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { clientFiles } from "../db/schema/files";
import { objectStore } from "../storage/object-store";
import { requireClientFile } from "./client-file-view";

/**
 * Deletes a file: the row, then its object. A failed object removal is logged, not
 * surfaced: the row is gone, so the bytes (under a random key) can no longer be served.
 */
export async function deleteClientFile(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  const row = await withUser(ctx, async (tx) => {
    const r = await requireClientFile(tx, ctx.userId, input.id);
    await tx.delete(clientFiles).where(and(eq(clientFiles.userId, ctx.userId), eq(clientFiles.id, r.id)));
    return r;
  });
  await objectStore()
    .remove(row.storageKey)
    .catch((err: unknown) => ctx.log.warn({ err, fileId: row.id }, "could not remove a file object"));
  return { id: row.id };
}
