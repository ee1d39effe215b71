import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookingServices } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { getProfile } from "../profile/get-profile";
import { bookingTimeZone, loadSettings } from "./get-availability";
import type { PublicService } from "./schemas";
import { toPublicService } from "./service-dto";

export type PublicPage = { name: string; timeZone: string; services: PublicService[] };

/** What the booking page shows: the practitioner's public name and their active services. */
export async function listPublicServices(ctx: Ctx): Promise<PublicPage> {
  const s = await loadSettings(ctx);
  const profile = await getProfile(ctx);
  const rows = await withUser(ctx, (tx) =>
    tx
      .select()
      .from(bookingServices)
      .where(and(eq(bookingServices.userId, ctx.userId), eq(bookingServices.active, true)))
      .orderBy(asc(bookingServices.name), asc(bookingServices.id)),
  );
  return {
    name: s.displayName ?? profile.name,
    timeZone: await bookingTimeZone(ctx, s),
    services: rows.map(toPublicService),
  };
}
