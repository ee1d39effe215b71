import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { authUsers } from "../db/schema/auth";
import { userProfiles } from "../db/schema/profile";
import { withUser } from "../db/with-user";
import { getProfile } from "./get-profile";
import { updateProfileInput, type Profile } from "./schemas";

export async function updateProfile(ctx: Ctx, raw: unknown): Promise<Profile> {
  const patch = updateProfileInput.parse(raw);
  // The name lives on the auth user, which the RLS role may only read: it is written on the
  // plain connection (as Better Auth itself does), for this user's row only.
  if (patch.name !== undefined)
    await ctx.db
      .update(authUsers)
      .set({ name: patch.name, updatedAt: new Date() })
      .where(eq(authUsers.id, ctx.userId));
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
