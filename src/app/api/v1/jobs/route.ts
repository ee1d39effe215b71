import { userRoute } from "@/server/http/route";
import { listJobsContract } from "@/server/http/contracts/jobs";
import { listJobs } from "@/server/jobs/list-jobs";

export const dynamic = "force-dynamic";

export const GET = userRoute(listJobsContract, ({ ctx, query }) => listJobs(ctx, query));
