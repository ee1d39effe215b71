import { userRoute } from "@/server/http/route";
import { retryJobContract } from "@/server/jobs/contracts";
import { retryJob } from "@/server/jobs/retry-job";
import { jobIdFromParams } from "@/server/jobs/schemas";

export const dynamic = "force-dynamic";

export const POST = userRoute(retryJobContract, ({ ctx, params }) => retryJob(ctx, jobIdFromParams(params)));
