import { getDb } from "@/server/db/client";
import { unsubscribeContract } from "@/server/http/contracts/outbox";
import { publicRoute } from "@/server/http/route";
import { currentLog } from "@/server/log-context";
import { unsubscribeByToken } from "@/server/outbox/unsubscribe-by-token";

export const dynamic = "force-dynamic";

export const POST = publicRoute(unsubscribeContract, async ({ query, req }) => {
  const { db } = await getDb();
  const r = await unsubscribeByToken({ db, log: currentLog() }, query.t);
  // The page's form wants a page back; mail providers' one-click POSTs take the JSON.
  if ((req.headers.get("accept") ?? "").includes("text/html"))
    return new Response(null, { status: 303, headers: { location: `/unsubscribe?done=${r.ok ? 1 : 0}` } });
  return r;
});
