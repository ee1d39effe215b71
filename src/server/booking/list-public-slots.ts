import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { findSlots, loadBusyRows } from "./find-slots";
import { VIEW_BUSY_MAX_AGE_MS } from "./free-busy-cache";
import { bookingTimeZone, loadSettings } from "./get-availability";
import { getService } from "./get-service";

const DAY = 86_400_000;
const MAX_WINDOW = 62 * DAY;

/**
 * Free slots of one active service, ISO instants (the page shows them in the visitor's zone).
 * A view: Google busy times up to VIEW_BUSY_MAX_AGE_MS old may answer it; booking re-checks.
 */
export async function listPublicSlots(
  ctx: Ctx,
  q: { serviceId: string; from?: string; to?: string; excludeBookingId?: string },
): Promise<{ timeZone: string; slots: { start: string; end: string }[] }> {
  const from = q.from ? Date.parse(q.from) : Date.now();
  const to = Math.min(q.to ? Date.parse(q.to) : from + 14 * DAY, from + MAX_WINDOW);
  const w = { from, to, excludeBookingId: q.excludeBookingId, busyMaxAgeMs: VIEW_BUSY_MAX_AGE_MS };
  // Service, settings, zone and bookings in one transaction (each would open its own).
  const { service, s, timeZone, loaded } = await withUser(ctx, async (tx) => {
    const inTx = { ...ctx, tx };
    const service = await getService(inTx, q.serviceId).catch(() => null);
    if (!service?.active) throw new AppError("not_found", "No such service");
    const s = await loadSettings(inTx);
    return { service, s, timeZone: await bookingTimeZone(inTx, s), loaded: await loadBusyRows(inTx, s, w) };
  });
  const slots = await findSlots(ctx, s, timeZone, service, w, loaded);
  return {
    timeZone,
    slots: slots.map((x) => ({ start: new Date(x.start).toISOString(), end: new Date(x.end).toISOString() })),
  };
}
