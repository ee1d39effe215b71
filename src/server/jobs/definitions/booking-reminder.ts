import { z } from "zod";
import { defineJob } from "../define-job";

// One reminder mail for one booking version, sent at most once (booking_messages claim).
export const bookingReminderJob = defineJob({
  kind: "booking_reminder",
  payload: z.object({
    bookingId: z.uuid(),
    version: z.number().int().min(1),
    minutesBefore: z.number().int().min(1),
  }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 30_000, maxDelayMs: 10 * 60_000 },
  timeoutMs: 60_000,
  handler: (ctx, p) =>
    import("@/server/booking/send-booking-reminder").then((m) => m.sendBookingReminder(ctx, p)),
});
