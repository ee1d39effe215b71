import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { storeClientFile } from "./store-client-file";
import { requireClientFile, toClientFileDto, type ClientFileDto } from "./client-file-view";

/**
 * A file the practitioner uploads on the contact page. The claimed Content-Type is passed
 * along but never trusted: storeClientFile sniffs the bytes.
 */
export async function uploadClientFile(
  ctx: Ctx,
  input: { contactId: string; fileName: string; contentType: string; bytes: Uint8Array },
): Promise<ClientFileDto> {
  const { id } = await storeClientFile(ctx, {
    contactId: input.contactId,
    fileName: input.fileName,
    mimeType: input.contentType,
    bytes: input.bytes,
    source: "upload",
  });
  return toClientFileDto(await withUser(ctx, (tx) => requireClientFile(tx, ctx.userId, id)));
}
