import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Ctx } from "../../context";
import { calendarWatch } from "../../google/calendar/calendar-watch";
import { openCalendar, type CalendarSession } from "../../google/calendar/calendar-session";
import { gmailGetProfile } from "../../google/gmail/gmail-reads";
import { openGmail, type GmailSession } from "../../google/gmail/gmail-session";
import { gmailWatch } from "../../google/gmail/gmail-watch";
import type { GoogleService } from "../../google/scopes";
import { loadPushChannel, savePushChannel } from "./push-channels";
import { calendarPushAddress, gmailPushTopic, RENEW_BEFORE_MS } from "./push-config";
import { stopCalendarChannel } from "./stop-push-watch";

const WEEK_MS = 7 * 86_400_000;

export const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");

/** A session the caller already holds (the sync job that just ran), reused instead of reopened. */
export type PushSession = GmailSession | CalendarSession;

/**
 * Makes sure Google pushes changes of this service to us: registers a Calendar channel
 * (fresh id + random token) or a Gmail watch when there is none or it expires within
 * RENEW_BEFORE_MS. A replaced Calendar channel is stopped. No-op when push is not
 * configured (polling then covers the account).
 */
export async function ensurePushWatch(
  ctx: Ctx,
  input: { service: GoogleService; force?: boolean; session?: PushSession },
): Promise<"off" | "kept" | "created"> {
  const { service } = input;
  const address = service === "calendar" ? calendarPushAddress() : null;
  const topic = service === "gmail" ? gmailPushTopic() : null;
  if (!address && !topic) return "off";
  const existing = await loadPushChannel(ctx, service);
  if (existing && !input.force && existing.expiresAt.getTime() - Date.now() > RENEW_BEFORE_MS) return "kept";
  const reuse = input.session?.service === service ? input.session : undefined;
  if (address) {
    const s = reuse && "calendar" in reuse ? reuse : await openCalendar(ctx);
    const id = randomUUID();
    const token = randomBytes(32).toString("base64url");
    const w = await calendarWatch(s, { id, token, address });
    await savePushChannel(ctx, "calendar", {
      channelId: id,
      resourceId: w.resourceId,
      tokenSha256: sha256Hex(token),
      resource: "primary",
      expiresAt: new Date(w.expiration || Date.now() + WEEK_MS),
    });
    if (existing) await stopCalendarChannel(ctx, s, existing);
  } else if (topic) {
    const s = reuse && "gmail" in reuse ? reuse : await openGmail(ctx);
    const email = s.tokens.accountEmail ?? (await gmailGetProfile(s, { maxAttempts: 3 })).emailAddress;
    // Watching again replaces the previous watch of this mailbox: nothing to stop.
    const w = await gmailWatch(s, topic);
    await savePushChannel(ctx, "gmail", {
      channelId: null,
      resourceId: null,
      tokenSha256: null,
      resource: email.toLowerCase(),
      expiresAt: new Date(w.expiration || Date.now() + WEEK_MS),
    });
  }
  ctx.log.info({ service, renewed: Boolean(existing) }, "google push watch registered");
  return "created";
}

/** After a sync job: register/renew push, never failing the sync that called it. */
export async function ensurePushWatchQuietly(
  ctx: Ctx,
  service: GoogleService,
  session?: PushSession,
): Promise<void> {
  try {
    await ensurePushWatch(ctx, { service, session });
  } catch (e) {
    ctx.log.warn({ err: e, service }, "google push watch failed; polling covers this account");
  }
}
