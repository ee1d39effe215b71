import { userRoute } from "@/server/http/route";
import { ok } from "@/server/http/responses";
import { commitImportContract, listImportsContract } from "@/server/http/contracts/imports";
import { commitImport } from "@/server/file-imports/commit-import";
import { listImports } from "@/server/file-imports/undo-import";
import { readImportUpload } from "@/server/file-imports/upload-input";

export const dynamic = "force-dynamic";

export const GET = userRoute(listImportsContract, ({ ctx }) => listImports(ctx));

export const POST = userRoute(commitImportContract, async ({ ctx, req }) =>
  ok(await commitImport(ctx, await readImportUpload(req)), { status: 201 }),
);
