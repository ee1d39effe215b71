import { groupSendContract } from "@/server/http/contracts/outbox";
import { userRoute } from "@/server/http/route";
import { createGroupSend } from "@/server/outbox/create-group-send";

export const dynamic = "force-dynamic";

export const POST = userRoute(groupSendContract, ({ ctx, body }) => createGroupSend(ctx, body));
