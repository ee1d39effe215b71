import { undoSubmission } from "@/server/forms/undo-submission";
import { undoSubmissionContract } from "@/server/http/contracts/forms";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const POST = userRoute(undoSubmissionContract, ({ ctx, params }) =>
  undoSubmission(ctx, { id: params.id }),
);
