import { userRoute } from "@/server/http/route";
import { undoMergeContract } from "@/server/http/contracts/contacts-merge";
import { undoMerge } from "@/server/contacts/undo-merge";

export const dynamic = "force-dynamic";

export const POST = userRoute(undoMergeContract, ({ ctx, params }) => undoMerge(ctx, { mergeId: params.id }));
