import { userRoute } from "@/server/http/route";
import { confirmProposalContract } from "@/server/ai/contracts";
import { confirmProposal } from "@/server/ai/chat/confirm-proposal";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const POST = userRoute(confirmProposalContract, ({ ctx, params }) =>
  confirmProposal(ctx, pathId(params)),
);
