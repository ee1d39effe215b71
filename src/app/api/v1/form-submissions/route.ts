import { listSubmissions } from "@/server/forms/list-submissions";
import { listSubmissionsContract } from "@/server/http/contracts/forms";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(listSubmissionsContract, ({ ctx, query }) => listSubmissions(ctx, query));
