import { userRoute } from "@/server/http/route";
import { retryJobContract } from "@/server/http/contracts/jobs";
import { retryJob } from "@/server/jobs/retry-job";

export const dynamic = "force-dynamic";

export const POST = userRoute(retryJobContract, ({ ctx, params }) => retryJob(ctx, params.id));
