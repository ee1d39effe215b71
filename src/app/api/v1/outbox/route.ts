import { createOutboxContract, listOutboxContract } from "@/server/http/contracts/outbox";
import { userRoute } from "@/server/http/route";
import { createOutboxItem } from "@/server/outbox/create-outbox-item";
import { listOutboxItems } from "@/server/outbox/list-outbox-items";

export const dynamic = "force-dynamic";

export const GET = userRoute(listOutboxContract, ({ ctx, query }) => listOutboxItems(ctx, query));

export const POST = userRoute(createOutboxContract, ({ ctx, body }) => createOutboxItem(ctx, body));
