import { approveSubmission } from "@/server/forms/approve-submission";
import { approveSubmissionContract } from "@/server/http/contracts/forms";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const POST = userRoute(approveSubmissionContract, ({ ctx, params }) =>
  approveSubmission(ctx, { id: params.id }),
);
