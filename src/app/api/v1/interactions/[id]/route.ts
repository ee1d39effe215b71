import { userRoute } from "@/server/http/route";
import { deleteInteractionContract, getInteractionContract } from "@/server/http/contracts/interactions";
import { getInteraction } from "@/server/interactions/get-interaction";
import { deleteInteraction } from "@/server/interactions/delete-interaction";

export const dynamic = "force-dynamic";

export const GET = userRoute(getInteractionContract, ({ ctx, params }) =>
  getInteraction(ctx, { id: params.id }),
);

export const DELETE = userRoute(deleteInteractionContract, ({ ctx, params }) =>
  deleteInteraction(ctx, { id: params.id }),
);
