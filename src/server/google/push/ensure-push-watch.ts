import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Ctx } from "../../context";
import { authorizedClient } from "../authorized-client";
import { callGoogle } from "../call-google";
import { CalendarApi, GmailApi } from "../client";
import { QUOTA_COST, takeQuota } from "../quota";
import type { GoogleService } from "../scopes";
import { loadTokens } from "../token-store";
import { loadPushChannel, savePushChannel } from "./push-channels";
import { calendarPushAddress, gmailPushTopic, RENEW_BEFORE_MS } from "./push-config";
import { stopCalendarChannel } from "./stop-push-watch";

const WEEK_MS = 7 * 86_400_000;

export const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * Makes sure Google pushes changes of this service to us: registers a Calendar channel
 * (fresh id + random token) or a Gmail watch when there is none or it expires within
 * RENEW_BEFORE_MS. A replaced Calendar channel is stopped. No-op when push is not
 * configured (polling then covers the account).
 */
export async function ensurePushWatch(
  ctx: Ctx,
  input: { service: GoogleService; force?: boolean },
): Promise<"off" | "kept" | "created"> {
  const { service } = input;
  const address = service === "calendar" ? calendarPushAddress() : null;
  const topic = service === "gmail" ? gmailPushTopic() : null;
  if (!address && !topic) return "off";
  const existing = await loadPushChannel(ctx, service);
  if (existing && !input.force && existing.expiresAt.getTime() - Date.now() > RENEW_BEFORE_MS) return "kept";
  const breakerKey = `${ctx.userId}:${service}`;
  const client = await authorizedClient(ctx, service);
  if (address) {
    const api = new CalendarApi(client);
    const id = randomUUID();
    const token = randomBytes(32).toString("base64url");
    await takeQuota(ctx.userId, QUOTA_COST["events.watch"]);
    const w = await callGoogle({ breakerKey, maxAttempts: 3 }, () => api.watch({ id, token, address }));
    await savePushChannel(ctx, "calendar", {
      channelId: id,
      resourceId: w.resourceId,
      tokenSha256: sha256Hex(token),
      resource: "primary",
      expiresAt: new Date(w.expiration || Date.now() + WEEK_MS),
    });
    if (existing) await stopCalendarChannel(ctx, api, existing);
  } else if (topic) {
    const api = new GmailApi(client);
    const email =
      (await loadTokens(ctx, "gmail"))?.accountEmail ??
      (await callGoogle({ breakerKey, maxAttempts: 3 }, () => api.getProfile())).emailAddress;
    await takeQuota(ctx.userId, QUOTA_COST["users.watch"]);
    // Watching again replaces the previous watch of this mailbox: nothing to stop.
    const w = await callGoogle({ breakerKey, maxAttempts: 3 }, () => api.watch(topic));
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
export async function ensurePushWatchQuietly(ctx: Ctx, service: GoogleService): Promise<void> {
  try {
    await ensurePushWatch(ctx, { service });
  } catch (e) {
    ctx.log.warn({ err: e, service }, "google push watch failed; polling covers this account");
  }
}
