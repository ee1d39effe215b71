import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { authUsers } from "../db/schema/auth";
import { userProfiles } from "../db/schema/profile";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { DEFAULT_TIME_ZONE } from "./get-user-time-zone";
import type { Profile } from "./schemas";

export async function getProfile(ctx: Ctx): Promise<Profile> {
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select({ email: authUsers.email, name: authUsers.name, timeZone: userProfiles.timeZone })
      .from(authUsers)
      .leftJoin(userProfiles, eq(userProfiles.userId, authUsers.id))
      .where(eq(authUsers.id, ctx.userId));
    if (!row) throw new AppError("not_found", "No such user");
    return { email: row.email, name: row.name, timeZone: row.timeZone ?? DEFAULT_TIME_ZONE };
  });
}
