import type { z } from "zod";
import type { Ctx } from "../context";
import { contactRhythms } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { readContactRhythm } from "./get-contact-rhythm";
import { putContactRhythmInput, type ContactRhythm } from "./schemas";

/** PUT /contacts/{id}/rhythm: every N days (0 = never, null = the stage/tag defaults). */
export async function setContactRhythm(
  ctx: Ctx,
  input: { contactId: string; body: z.input<typeof putContactRhythmInput> },
): Promise<ContactRhythm> {
  const { everyDays } = putContactRhythmInput.parse(input.body);
  return withUser(ctx, async (tx) => {
    const tz = await getUserTimeZone({ ...ctx, tx });
    await readContactRhythm(tx, ctx.userId, input.contactId, tz); // 404 for unknown/others' contacts
    await tx
      .insert(contactRhythms)
      .values({ contactId: input.contactId, userId: ctx.userId, everyDays })
      .onConflictDoUpdate({ target: contactRhythms.contactId, set: { everyDays, updatedAt: new Date() } });
    return readContactRhythm(tx, ctx.userId, input.contactId, tz);
  });
}
