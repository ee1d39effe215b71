import { userRoute } from "@/server/http/route";
import { rejectProposalContract } from "@/server/ai/contracts";
import { rejectProposal } from "@/server/ai/chat/confirm-proposal";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const POST = userRoute(rejectProposalContract, ({ ctx, params }) =>
  rejectProposal(ctx, pathId(params)),
);
