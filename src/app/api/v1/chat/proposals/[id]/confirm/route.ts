import { userRoute } from "@/server/http/route";
import { confirmProposalContract } from "@/server/http/contracts/ai";
import { confirmProposal } from "@/server/ai/chat/confirm-proposal";

export const dynamic = "force-dynamic";

export const POST = userRoute(confirmProposalContract, ({ ctx, params }) => confirmProposal(ctx, params.id));
