import { userRoute } from "@/server/http/route";
import { timelineContract } from "@/server/http/contracts/interactions";
import { getTimeline } from "@/server/interactions/get-timeline";

export const dynamic = "force-dynamic";

export const GET = userRoute(timelineContract, ({ ctx, params, query }) =>
  getTimeline(ctx, { contactId: params.id, ...query }),
);
