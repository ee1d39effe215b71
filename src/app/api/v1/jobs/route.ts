import { userRoute } from "@/server/http/route";
import { listJobsContract } from "@/server/jobs/contracts";
import { listJobs } from "@/server/jobs/list-jobs";

export const dynamic = "force-dynamic";

export const GET = userRoute(listJobsContract, ({ ctx, query }) => listJobs(ctx, query));
