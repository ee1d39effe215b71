import type { Ctx } from "../../context";
import { calendarStopChannel } from "../../google/calendar/calendar-watch";
import { openCalendar, type CalendarSession } from "../../google/calendar/calendar-session";
import { openGmail } from "../../google/gmail/gmail-session";
import { gmailStopWatch } from "../../google/gmail/gmail-watch";
import type { GoogleService } from "../../google/scopes";
import { deletePushChannel, loadPushChannel, type PushChannel } from "./push-channels";

/** channels.stop for one Calendar channel; best effort (an expired channel is gone anyway). */
export async function stopCalendarChannel(ctx: Ctx, s: CalendarSession, ch: PushChannel): Promise<void> {
  if (!ch.channelId || !ch.resourceId) return;
  try {
    await calendarStopChannel(s, { id: ch.channelId, resourceId: ch.resourceId });
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
    if (input.service === "calendar") await stopCalendarChannel(ctx, await openCalendar(ctx), ch);
    else await gmailStopWatch(await openGmail(ctx));
  } catch (e) {
    ctx.log.warn({ err: e, service: input.service }, "google push stop failed");
  }
  await deletePushChannel(ctx, input.service);
}
