import { userRoute } from "@/server/http/route";
import { rejectProposalContract } from "@/server/http/contracts/ai";
import { rejectProposal } from "@/server/ai/chat/confirm-proposal";

export const dynamic = "force-dynamic";

export const POST = userRoute(rejectProposalContract, ({ ctx, params }) => rejectProposal(ctx, params.id));
