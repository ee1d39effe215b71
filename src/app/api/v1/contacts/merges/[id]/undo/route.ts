import { userRoute } from "@/server/http/route";
import { undoMergeContract } from "@/server/contacts/merge-contracts";
import { undoMerge } from "@/server/contacts/undo-merge";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const POST = userRoute(undoMergeContract, ({ ctx, params }) =>
  undoMerge(ctx, { mergeId: pathId(params) }),
);
