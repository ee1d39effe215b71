import type { Ctx } from "../context";
import { AppError } from "../errors";
import { findSlots } from "./find-slots";
import { bookingTimeZone, loadSettings } from "./get-availability";
import { getService } from "./get-service";

const DAY = 86_400_000;
const MAX_WINDOW = 62 * DAY;

/** Free slots of one active service, ISO instants (the page shows them in the visitor's zone). */
export async function listPublicSlots(
  ctx: Ctx,
  q: { serviceId: string; from?: string; to?: string; excludeBookingId?: string },
): Promise<{ timeZone: string; slots: { start: string; end: string }[] }> {
  const service = await getService(ctx, q.serviceId).catch(() => null);
  if (!service?.active) throw new AppError("not_found", "No such service");
  const s = await loadSettings(ctx);
  const timeZone = await bookingTimeZone(ctx, s);
  const from = q.from ? Date.parse(q.from) : Date.now();
  const to = Math.min(q.to ? Date.parse(q.to) : from + 14 * DAY, from + MAX_WINDOW);
  const slots = await findSlots(ctx, s, timeZone, service, {
    from,
    to,
    excludeBookingId: q.excludeBookingId,
  });
  return {
    timeZone,
    slots: slots.map((x) => ({ start: new Date(x.start).toISOString(), end: new Date(x.end).toISOString() })),
  };
}
