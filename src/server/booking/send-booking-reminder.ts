import type { JobCtx } from "../jobs/define-job";
import { sendClientMail } from "./notify-booking";
import { loadBooking } from "./load-booking";

/**
 * The booking_reminder job. Nothing for a cancelled booking, a moved one (its newer
 * version has its own reminders) or one already started; otherwise the claim in
 * booking_messages makes the mail go out once, however many workers run the job.
 */
export async function sendBookingReminder(
  ctx: JobCtx,
  p: { bookingId: string; version: number; minutesBefore: number },
): Promise<void> {
  const b = await loadBooking(ctx, p.bookingId);
  if (!b || b.status !== "confirmed" || b.version !== p.version) return;
  if (b.startsAt.getTime() <= Date.now()) return;
  await sendClientMail(ctx, b, `reminder:${p.minutesBefore}`);
}
