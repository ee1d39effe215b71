import { approveOutboxBatchContract } from "@/server/http/contracts/outbox";
import { userRoute } from "@/server/http/route";
import { approveOutboxItems } from "@/server/outbox/approve-outbox-items";

export const dynamic = "force-dynamic";

export const POST = userRoute(approveOutboxBatchContract, async ({ ctx, body }) => ({
  items: await approveOutboxItems(ctx, { ids: body.ids }),
}));
