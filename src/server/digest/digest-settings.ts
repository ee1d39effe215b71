import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { followupSettings } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { updateDigestSettingsInput, type DigestSettings } from "./schemas";

export async function getDigestSettings(ctx: Ctx): Promise<DigestSettings> {
  return withUser(ctx, async (tx) => {
    const [row] = await tx.select().from(followupSettings).where(eq(followupSettings.userId, ctx.userId));
    return {
      digestEnabled: row?.digestEnabled ?? false,
      digestHour: row?.digestHour ?? 7,
      birthdaysAheadDays: row?.birthdaysAheadDays ?? 14,
      timeZone: await getUserTimeZone({ ...ctx, tx }),
    };
  });
}

export async function updateDigestSettings(
  ctx: Ctx,
  raw: z.input<typeof updateDigestSettingsInput>,
): Promise<DigestSettings> {
  const patch = updateDigestSettingsInput.parse(raw);
  return withUser(ctx, async (tx) => {
    if (Object.keys(patch).length)
      await tx
        .insert(followupSettings)
        .values({ userId: ctx.userId, ...patch })
        .onConflictDoUpdate({ target: followupSettings.userId, set: { ...patch, updatedAt: new Date() } });
    return getDigestSettings({ ...ctx, tx });
  });
}
