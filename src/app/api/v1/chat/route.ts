import { userRoute } from "@/server/http/route";
import { chatContract } from "@/server/http/contracts/ai";
import { runChat } from "@/server/ai/chat/run-chat";

export const dynamic = "force-dynamic";

export const POST = userRoute(chatContract, ({ ctx, body }) => runChat(ctx, { prompt: body.prompt }));
