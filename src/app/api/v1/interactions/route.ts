import { userRoute } from "@/server/http/route";
import { ok } from "@/server/http/responses";
import { logInteractionContract } from "@/server/http/contracts/interactions";
import { logInteraction } from "@/server/interactions/log-interaction";

export const dynamic = "force-dynamic";

export const POST = userRoute(logInteractionContract, async ({ ctx, body }) =>
  ok(await logInteraction(ctx, body), { status: 201 }),
);
