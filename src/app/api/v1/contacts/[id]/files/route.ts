import { userRoute } from "@/server/http/route";
import { ok } from "@/server/http/responses";
import { listClientFilesContract, uploadClientFileContract } from "@/server/http/contracts/files";
import { listClientFiles } from "@/server/files/list-client-files";
import { uploadClientFile } from "@/server/files/upload-client-file";
import { MAX_CLIENT_FILE_BYTES } from "@/server/files/constants";
import { readUpload } from "@/server/file-imports/read-upload";

export const dynamic = "force-dynamic";

export const GET = userRoute(listClientFilesContract, ({ ctx, params }) =>
  listClientFiles(ctx, { contactId: params.id }),
);

export const POST = userRoute(uploadClientFileContract, async ({ ctx, params, req }) => {
  const up = await readUpload(req, { maxBytes: MAX_CLIENT_FILE_BYTES });
  const file = await uploadClientFile(ctx, {
    contactId: params.id,
    fileName: up.filename,
    contentType: up.contentType,
    bytes: up.bytes,
  });
  return ok(file, { status: 201 });
});
