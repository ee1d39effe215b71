import { userRoute } from "@/server/http/route";
import { timelineContract } from "@/server/interactions/contracts";
import { getTimeline } from "@/server/interactions/get-timeline";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const GET = userRoute(timelineContract, ({ ctx, params, query }) =>
  getTimeline(ctx, { contactId: pathId(params), ...query! }),
);
