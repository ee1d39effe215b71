import { userRoute } from "@/server/http/route";
import { undoImportContract } from "@/server/imports/contracts";
import { undoImport } from "@/server/imports/undo-import";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const POST = userRoute(undoImportContract, ({ ctx, params }) =>
  undoImport(ctx, { batchId: pathId(params) }),
);
