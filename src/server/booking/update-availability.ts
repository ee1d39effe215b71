import { and, eq, ne } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookingSettings } from "../db/schema/booking";
import { withSystem, withUser } from "../db/with-user";
import { AppError } from "../errors";
import { defaultSettings, getAvailability } from "./get-availability";
import { updateAvailabilityInput, type Availability, type UpdateAvailabilityInput } from "./schemas";

/** PUT semantics over the fields given; a handle another practitioner holds is a 409. */
export async function updateAvailability(ctx: Ctx, raw: UpdateAvailabilityInput): Promise<Availability> {
  const patch = updateAvailabilityInput.parse(raw);
  if (patch.handle) {
    const handle = patch.handle;
    // Handles are unique across practitioners, so the check looks past RLS (it reveals only "taken").
    const taken = await withSystem(ctx.db, (tx) =>
      tx
        .select({ userId: bookingSettings.userId })
        .from(bookingSettings)
        .where(and(eq(bookingSettings.handle, handle), ne(bookingSettings.userId, ctx.userId))),
    );
    if (taken.length > 0) throw new AppError("conflict", "That booking link is taken; try another");
  }
  const base = defaultSettings(ctx.userId);
  await withUser(ctx, async (tx) => {
    const { createdAt: _c, updatedAt: _u, ...defaults } = base;
    const [current] = await tx.select().from(bookingSettings).where(eq(bookingSettings.userId, ctx.userId));
    const handle = patch.handle !== undefined ? patch.handle : (current?.handle ?? null);
    const enabled = patch.enabled ?? current?.enabled ?? false;
    if (enabled && !handle)
      throw new AppError("invalid_body", "Choose a booking link before turning the page on");
    try {
      await tx
        .insert(bookingSettings)
        .values({ ...defaults, ...patch, userId: ctx.userId })
        .onConflictDoUpdate({ target: bookingSettings.userId, set: { ...patch, updatedAt: new Date() } });
    } catch (e) {
      if (
        String((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === "23505"
      )
        throw new AppError("conflict", "That booking link is taken; try another");
      throw e;
    }
  });
  return getAvailability(ctx);
}
