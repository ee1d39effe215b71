import { createHash, randomBytes } from "node:crypto";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { clientFiles } from "../db/schema/files";
import { AppError } from "../errors";
import { objectStore } from "../storage/object-store";
import { requireContact } from "../contacts/require-contact";
import { sniffFileType } from "./sniff-file-type";
import { MAX_CLIENT_FILE_BYTES, extensionOf, type ClientFileSource } from "./constants";
import { safeFileName } from "./client-file-view";

export type StoreClientFileInput = {
  contactId: string;
  fileName: string;
  /** The caller's claim. Uploads: ignored (the content decides). Server-made files must match it. */
  mimeType: string;
  bytes: Uint8Array;
  source: ClientFileSource;
};

/**
 * Keeps a file with a client: checks the size, sniffs the type from the bytes (PDF, PNG,
 * JPEG, WebP, HEIC; anything else is 415), writes the bytes to the object store under a
 * fresh random key and records the row. Used by the upload route and by the forms flow
 * for signed consent PDFs. The object is written first and removed again if the row
 * cannot be written, so a failed call leaves nothing behind. (If a caller's surrounding
 * transaction rolls back later, the object stays orphaned: harmless, its key is random
 * and never served without a row.)
 */
export async function storeClientFile(ctx: Ctx, input: StoreClientFileInput): Promise<{ id: string }> {
  if (input.bytes.byteLength === 0)
    throw new AppError("invalid_body", "empty file", { fields: { file: ["The file is empty"] } });
  if (input.bytes.byteLength > MAX_CLIENT_FILE_BYTES)
    throw new AppError("payload_too_large", undefined, { maxBytes: MAX_CLIENT_FILE_BYTES });
  const mime = sniffFileType(input.bytes);
  if (!mime)
    throw new AppError("unsupported_media_type", "only PDF, PNG, JPEG, WebP or HEIC files", {
      allowed: Object.keys(extensionOf),
    });
  if (input.source !== "upload" && input.mimeType !== mime)
    throw new AppError("unsupported_media_type", `expected ${input.mimeType}, content is ${mime}`);
  // Ownership first, so another user's contact id costs no storage write.
  await withUser(ctx, (tx) => requireContact(tx, ctx.userId, input.contactId, { deleted: false }));
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const key = `files/${ctx.userId}/${input.contactId}/${randomBytes(16).toString("hex")}.${extensionOf[mime]}`;
  const store = objectStore();
  await store.put(key, bytes, mime);
  try {
    return await withUser(ctx, async (tx) => {
      await requireContact(tx, ctx.userId, input.contactId, { deleted: false });
      const [row] = await tx
        .insert(clientFiles)
        .values({
          userId: ctx.userId,
          contactId: input.contactId,
          fileName: safeFileName(input.fileName, mime),
          mimeType: mime,
          sizeBytes: bytes.byteLength,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey: key,
          source: input.source,
        })
        .returning({ id: clientFiles.id });
      ctx.log.info(
        { fileId: row!.id, mime, size: bytes.byteLength, source: input.source },
        "client file stored",
      );
      return { id: row!.id };
    });
  } catch (e) {
    await store
      .remove(key)
      .catch((err: unknown) => ctx.log.warn({ err, key }, "could not remove an unrecorded file object"));
    throw e;
  }
}
