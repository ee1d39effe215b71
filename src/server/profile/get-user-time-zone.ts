import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { userProfiles } from "../db/schema/profile";
import { withUser } from "../db/with-user";

export const DEFAULT_TIME_ZONE = "UTC";

/**
 * The user's IANA time zone ("UTC" until they set one). Every local-time computation
 * (due dates, rhythms, digests, booking slots, scheduled sends) goes through this.
 */
export async function getUserTimeZone(ctx: Ctx): Promise<string> {
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select({ timeZone: userProfiles.timeZone })
      .from(userProfiles)
      .where(eq(userProfiles.userId, ctx.userId));
    return row?.timeZone ?? DEFAULT_TIME_ZONE;
  });
}
