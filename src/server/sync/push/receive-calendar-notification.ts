import type { SystemCtx } from "../../context";
import { AppError } from "../../errors";
import { findCalendarChannel, markSeen } from "./push-channels";
import { calendarNotificationHeaders, type PushOutcome } from "./schemas";
import { triggerPushSync } from "./trigger-push-sync";
import { secretMatches } from "./verify-secret";

/**
 * One Calendar push notification. Unknown channel → 404, wrong/missing token (or a
 * resource id that is not the channel's) → 401, and nothing runs. `sync` (the handshake
 * sent when a channel is created) is acknowledged without work; a message number not newer
 * than the last one seen is a replay and does nothing; otherwise a debounced incremental
 * sync is queued for the channel's owner.
 */
export async function receiveCalendarNotification(
  sys: SystemCtx,
  input: { headers: Headers },
): Promise<{ outcome: PushOutcome }> {
  const channelId = input.headers.get("x-goog-channel-id");
  const ch = channelId ? await findCalendarChannel(sys, channelId.slice(0, 256)) : null;
  if (!ch?.tokenSha256) throw new AppError("not_found", "unknown channel");
  const resourceId = input.headers.get("x-goog-resource-id");
  const tokenOk = secretMatches(input.headers.get("x-goog-channel-token"), ch.tokenSha256);
  if (!tokenOk || (resourceId && ch.resourceId && resourceId !== ch.resourceId))
    throw new AppError("unauthorized", "channel token does not match");
  const parsed = calendarNotificationHeaders.safeParse(Object.fromEntries(input.headers));
  if (!parsed.success) throw new AppError("invalid_body", "malformed notification headers");
  const h = parsed.data;
  if (h["x-goog-resource-state"] === "sync") return { outcome: "sync_ack" };
  const ctx = { db: sys.db, userId: ch.userId, log: sys.log.child({ userId: ch.userId }) };
  if (!(await markSeen(ctx, ch.id, h["x-goog-message-number"]))) return { outcome: "replay" };
  const r = await triggerPushSync(ctx, { service: "calendar" });
  return { outcome: r.outcome };
}
