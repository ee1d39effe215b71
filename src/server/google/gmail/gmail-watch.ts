import { driverCall } from "../google-session";
import { QUOTA_COST } from "../quota";
import type { GmailSession } from "./gmail-session";

// users.watch / users.stop: Gmail publishes mailbox changes to a Pub/Sub topic. What to do
// with the notifications is the sync domain's business (sync/push/).

/** Watching again replaces the previous watch of this mailbox (expires in about 7 days). */
export function gmailWatch(
  s: GmailSession,
  topic: string,
): Promise<{ historyId: string; expiration: number }> {
  return driverCall(s, QUOTA_COST["users.watch"], () => s.gmail.watch(topic), { maxAttempts: 3 });
}

export function gmailStopWatch(s: GmailSession): Promise<void> {
  return driverCall(s, QUOTA_COST["users.stop"], () => s.gmail.stop(), { maxAttempts: 2 });
}
