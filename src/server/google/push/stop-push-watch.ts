import type { Ctx } from "../../context";
import { authorizedClient } from "../authorized-client";
import { callGoogle } from "../call-google";
import { CalendarApi, GmailApi } from "../client";
import { QUOTA_COST, takeQuota } from "../quota";
import type { GoogleService } from "../scopes";
import { deletePushChannel, loadPushChannel, type PushChannel } from "./push-channels";

/** channels.stop for one Calendar channel; best effort (an expired channel is gone anyway). */
export async function stopCalendarChannel(ctx: Ctx, api: CalendarApi, ch: PushChannel): Promise<void> {
  if (!ch.channelId || !ch.resourceId) return;
  try {
    await takeQuota(ctx.userId, QUOTA_COST["channels.stop"]);
    await callGoogle({ breakerKey: `${ctx.userId}:calendar`, maxAttempts: 2 }, () =>
      api.stopChannel({ id: ch.channelId!, resourceId: ch.resourceId! }),
    );
  } catch (e) {
    ctx.log.warn({ err: e }, "calendar channels.stop failed");
  }
}

/**
 * Stops Google's notifications for the service (channels.stop / users.stop) and forgets
 * the registration. Runs before disconnecting, while the tokens still work; a failure at
 * Google never blocks it: the row is deleted, so later notifications answer 404.
 */
export async function stopPushWatch(ctx: Ctx, input: { service: GoogleService }): Promise<void> {
  const ch = await loadPushChannel(ctx, input.service);
  if (!ch) return;
  try {
    const client = await authorizedClient(ctx, input.service);
    if (input.service === "calendar") await stopCalendarChannel(ctx, new CalendarApi(client), ch);
    else {
      await takeQuota(ctx.userId, QUOTA_COST["users.stop"]);
      await callGoogle({ breakerKey: `${ctx.userId}:gmail`, maxAttempts: 2 }, () =>
        new GmailApi(client).stop(),
      );
    }
  } catch (e) {
    ctx.log.warn({ err: e, service: input.service }, "google push stop failed");
  }
  await deletePushChannel(ctx, input.service);
}
