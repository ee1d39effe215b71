import { getDb } from "@/server/db/client";
import { calendarWebhookContract } from "@/server/http/contracts/google-push";
import { receiveCalendarNotification } from "@/server/sync/push/receive-calendar-notification";
import { publicRoute } from "@/server/http/route";
import { currentLog } from "@/server/log-context";

export const dynamic = "force-dynamic";

export const POST = publicRoute(calendarWebhookContract, async ({ req }) => {
  const { db } = await getDb();
  return receiveCalendarNotification({ db, log: currentLog() }, { headers: req.headers });
});
