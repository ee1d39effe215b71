import type { SystemCtx } from "../context";
import { followupSettings } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { readUnsubscribeToken } from "./unsubscribe-token";

/** Turns the morning digest off for the user a signed unsubscribe token names. */
export async function unsubscribeDigest(
  sys: SystemCtx,
  input: { token: string },
): Promise<{ unsubscribed: true }> {
  const userId = readUnsubscribeToken(input.token);
  if (!userId) throw new AppError("not_found", "This unsubscribe link is not valid");
  await withUser({ db: sys.db, userId }, (tx) =>
    tx
      .insert(followupSettings)
      .values({ userId, digestEnabled: false })
      .onConflictDoUpdate({
        target: followupSettings.userId,
        set: { digestEnabled: false, updatedAt: new Date() },
      }),
  );
  return { unsubscribed: true };
}
