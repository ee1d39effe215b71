import { userRoute } from "@/server/http/route";
import { syncProgressContract } from "@/server/http/contracts/sync-progress";
import { streamSyncProgress } from "@/server/sync/stream-sync-progress";

export const dynamic = "force-dynamic";

export const GET = userRoute(syncProgressContract, async ({ ctx, req }) => {
  return new Response(streamSyncProgress(ctx, { signal: req.signal }), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
});
