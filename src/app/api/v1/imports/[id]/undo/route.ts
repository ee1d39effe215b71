import { userRoute } from "@/server/http/route";
import { undoImportContract } from "@/server/http/contracts/imports";
import { undoImport } from "@/server/file-imports/undo-import";

export const dynamic = "force-dynamic";

export const POST = userRoute(undoImportContract, ({ ctx, params }) =>
  undoImport(ctx, { batchId: params.id }),
);
