import { userRoute } from "@/server/http/route";
import { chatStreamContract } from "@/server/http/contracts/ai";
import { streamChat } from "@/server/ai/chat/stream-chat";

export const dynamic = "force-dynamic";

export const POST = userRoute(chatStreamContract, async ({ ctx, body }) => {
  const stream = await streamChat(ctx, body);
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
});
