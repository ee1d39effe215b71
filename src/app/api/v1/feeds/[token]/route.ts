import { env } from "@/lib/env";
import { getDb } from "@/server/db/client";
import { renderFeed } from "@/server/feeds/render-feed";
import { feedContract } from "@/server/http/contracts/followups";
import { publicRoute } from "@/server/http/route";
import { currentLog } from "@/server/log-context";

export const dynamic = "force-dynamic";

export const GET = publicRoute(feedContract, async ({ req, params }) => {
  const { db } = await getDb();
  const origin = env().APP_URL ? new URL(env().APP_URL!).origin : new URL(req.url).origin;
  const body = await renderFeed({ db, log: currentLog() }, { token: params.token, origin });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="omnicrm.ics"',
      "cache-control": "private, no-store",
    },
  });
});
