import { eq } from "drizzle-orm";
import { userProfiles } from "../db/schema/profile";
import type { Tx } from "../db/with-user";
import { DEFAULT_TIME_ZONE } from "../profile/get-user-time-zone";

/** getUserTimeZone for code that holds a transaction but no Ctx (lifecycle queries). */
export async function readTimeZone(tx: Tx, userId: string): Promise<string> {
  const [row] = await tx
    .select({ timeZone: userProfiles.timeZone })
    .from(userProfiles)
    .where(eq(userProfiles.userId, userId));
  return row?.timeZone ?? DEFAULT_TIME_ZONE;
}
