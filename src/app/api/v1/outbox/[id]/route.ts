import {
  deleteOutboxContract,
  getOutboxContract,
  updateOutboxContract,
} from "@/server/http/contracts/outbox";
import { userRoute } from "@/server/http/route";
import { cancelOutboxItem } from "@/server/outbox/cancel-outbox-item";
import { getOutboxItem } from "@/server/outbox/get-outbox-item";
import { updateOutboxItem } from "@/server/outbox/update-outbox-item";

export const dynamic = "force-dynamic";

export const GET = userRoute(getOutboxContract, ({ ctx, params }) => getOutboxItem(ctx, { id: params.id }));

export const PATCH = userRoute(updateOutboxContract, ({ ctx, params, body }) =>
  updateOutboxItem(ctx, { id: params.id, patch: body }),
);

export const DELETE = userRoute(deleteOutboxContract, ({ ctx, params }) =>
  cancelOutboxItem(ctx, { id: params.id }),
);
