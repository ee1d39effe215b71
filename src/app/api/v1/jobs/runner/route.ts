import { userRoute } from "@/server/http/route";
import { runJobsContract } from "@/server/http/contracts/jobs";
import { processQueuedNow } from "@/server/jobs/process-queued-now";

export const dynamic = "force-dynamic";

export const POST = userRoute(runJobsContract, ({ ctx }) => processQueuedNow(ctx));
