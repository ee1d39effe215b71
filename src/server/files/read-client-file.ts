import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { objectStore } from "../storage/object-store";
import type { ClientFileMime } from "./constants";
import { requireClientFile } from "./client-file-view";

/** A file's bytes for its owner's download; 404 for anyone else's id or a missing object. */
export async function readClientFile(
  ctx: Ctx,
  input: { id: string },
): Promise<{ bytes: Buffer; mimeType: ClientFileMime; fileName: string }> {
  const row = await withUser(ctx, (tx) => requireClientFile(tx, ctx.userId, input.id));
  const bytes = await objectStore().get(row.storageKey);
  if (!bytes) {
    ctx.log.warn({ fileId: row.id }, "client file object is missing");
    throw new AppError("not_found", "file not found");
  }
  return { bytes, mimeType: row.mimeType, fileName: row.fileName };
}
