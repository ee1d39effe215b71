import type { Ctx } from "../context";
import { userProfiles } from "../db/schema/profile";
import { withUser } from "../db/with-user";
import { getProfile } from "./get-profile";
import { updateProfileInput, type Profile } from "./schemas";

export async function updateProfile(ctx: Ctx, raw: unknown): Promise<Profile> {
  const patch = updateProfileInput.parse(raw);
  return withUser(ctx, async (tx) => {
    if (patch.timeZone) {
      await tx
        .insert(userProfiles)
        .values({ userId: ctx.userId, timeZone: patch.timeZone })
        .onConflictDoUpdate({
          target: userProfiles.userId,
          set: { timeZone: patch.timeZone, updatedAt: new Date() },
        });
    }
    return getProfile({ ...ctx, tx });
  });
}
