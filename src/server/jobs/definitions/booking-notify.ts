import { z } from "zod";
import { defineJob } from "../define-job";

// After a booking is made, moved or cancelled: the Google event follows and the client and
// practitioner get their mail. Idempotent per (booking, version).
export const bookingNotifyJob = defineJob({
  kind: "booking_notify",
  payload: z.object({ bookingId: z.uuid(), version: z.number().int().min(1) }),
  attempts: 6,
  backoff: { type: "exponential", delayMs: 15_000, maxDelayMs: 10 * 60_000 },
  timeoutMs: 2 * 60_000,
  handler: (ctx, p) => import("@/server/booking/notify-booking").then((m) => m.notifyBooking(ctx, p)),
});
