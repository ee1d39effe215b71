import { userRoute } from "@/server/http/route";
import { getThreadContract } from "@/server/ai/contracts";
import { getThread } from "@/server/ai/chat/get-thread";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const GET = userRoute(getThreadContract, ({ ctx, params }) => getThread(ctx, pathId(params)));
