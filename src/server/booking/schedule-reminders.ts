import type { Ctx } from "../context";
import { enqueueMany } from "../jobs/enqueue";
import type { BookingRow } from "./booking-dto";
import type { SettingsRow } from "./get-availability";

/**
 * One delayed job per configured reminder that is still ahead, for this version of the
 * booking (a reschedule schedules the new version's; the old ones find a newer version and
 * do nothing). Call inside the booking's transaction so jobs commit with it.
 */
export async function scheduleReminders(ctx: Ctx, s: SettingsRow, b: BookingRow): Promise<void> {
  if (b.kind !== "booking" || b.status !== "confirmed" || !b.clientEmail) return;
  const now = Date.now();
  const items = [...new Set(s.reminderMinutes)]
    .map((m) => ({ m, at: b.startsAt.getTime() - m * 60_000 }))
    .filter((r) => r.at > now)
    .map((r) => ({
      kind: "booking_reminder" as const,
      payload: { bookingId: b.id, version: b.version, minutesBefore: r.m },
      runAfter: new Date(r.at),
      dedupeKey: `booking_reminder:${b.id}:${b.version}:${r.m}`,
    }));
  await enqueueMany(ctx, items);
}
