import { getDb } from "@/server/db/client";
import { gmailWebhookContract } from "@/server/http/contracts/google-push";
import { receiveGmailNotification } from "@/server/sync/push/receive-gmail-notification";
import { publicRoute } from "@/server/http/route";
import { currentLog } from "@/server/log-context";

export const dynamic = "force-dynamic";

export const POST = publicRoute(gmailWebhookContract, async ({ req, query, body }) => {
  const { db } = await getDb();
  return receiveGmailNotification(
    { db, log: currentLog() },
    { token: query.token, authorization: req.headers.get("authorization"), data: body.message.data },
  );
});
