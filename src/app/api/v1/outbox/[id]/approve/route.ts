import { approveOutboxContract } from "@/server/http/contracts/outbox";
import { userRoute } from "@/server/http/route";
import { approveOutboxItems } from "@/server/outbox/approve-outbox-items";

export const dynamic = "force-dynamic";

export const POST = userRoute(approveOutboxContract, async ({ ctx, params, body }) => {
  const [item] = await approveOutboxItems(ctx, { ids: [params.id], sendAt: body?.sendAt });
  return item!;
});
