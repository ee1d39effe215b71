import { userRoute } from "@/server/http/route";
import { previewImportContract } from "@/server/http/contracts/imports";
import { previewImport } from "@/server/file-imports/preview-import";
import { readImportUpload } from "@/server/file-imports/upload-input";

export const dynamic = "force-dynamic";

export const POST = userRoute(previewImportContract, async ({ ctx, req }) =>
  previewImport(ctx, await readImportUpload(req)),
);
