import { userRoute } from "@/server/http/route";
import { deleteInteractionContract, getInteractionContract } from "@/server/interactions/contracts";
import { getInteraction } from "@/server/interactions/get-interaction";
import { deleteInteraction } from "@/server/interactions/delete-interaction";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const GET = userRoute(getInteractionContract, ({ ctx, params }) =>
  getInteraction(ctx, { id: pathId(params) }),
);

export const DELETE = userRoute(deleteInteractionContract, ({ ctx, params }) =>
  deleteInteraction(ctx, { id: pathId(params) }),
);
