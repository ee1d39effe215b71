import { userRoute } from "@/server/http/route";
import { getThreadContract } from "@/server/http/contracts/ai";
import { getThread } from "@/server/ai/chat/get-thread";

export const dynamic = "force-dynamic";

export const GET = userRoute(getThreadContract, ({ ctx, params }) => getThread(ctx, params.id));
