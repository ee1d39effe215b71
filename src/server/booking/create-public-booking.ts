import type { Ctx } from "../context";
import { AppError } from "../errors";
import { bookSlot } from "./book-slot";
import { bookingTimeZone, loadSettings } from "./get-availability";
import { getService } from "./get-service";
import { manageToken } from "./manage-token";
import { publicBookingInput, type PublicBookingInput } from "./schemas";

/**
 * A visitor books a slot. A filled honeypot is answered like a success (with no booking) so
 * a bot learns nothing; the slot rules and the database decide the rest (409 when taken).
 */
export async function createPublicBooking(
  ctx: Ctx,
  raw: PublicBookingInput,
): Promise<{ bookingId: string; manageToken: string }> {
  const input = publicBookingInput.parse(raw);
  if (input.website) {
    ctx.log.warn("booking honeypot filled; ignored");
    // Shaped like a real answer (a signed link that leads nowhere), so the bot cannot tell.
    const bookingId = crypto.randomUUID();
    return { bookingId, manageToken: manageToken(bookingId) };
  }
  const service = await getService(ctx, input.serviceId).catch(() => null);
  if (!service?.active) throw new AppError("not_found", "No such service");
  const s = await loadSettings(ctx);
  const timeZone = await bookingTimeZone(ctx, s);
  const b = await bookSlot(ctx, s, timeZone, {
    service,
    start: new Date(input.start),
    client: {
      name: input.name,
      email: input.email,
      phone: input.phone ?? null,
      timeZone: input.timeZone ?? null,
    },
    note: input.note ?? null,
    source: "public",
    checkRules: true,
  });
  return { bookingId: b.id, manageToken: manageToken(b.id) };
}
