import type { z } from "zod";
import type { Ctx } from "../context";
import { contactRhythms } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { addDays, localToday, startOfLocalDay } from "../followups/local-time";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { readContactRhythm } from "./get-contact-rhythm";
import { snoozeContactInput, type ContactRhythm } from "./schemas";

/** Keeps a contact off "due for contact" until the start of a local day (default: in 7 days). */
export async function snoozeContact(
  ctx: Ctx,
  input: { contactId: string; body: z.input<typeof snoozeContactInput> },
): Promise<ContactRhythm> {
  const body = snoozeContactInput.parse(input.body);
  return withUser(ctx, async (tx) => {
    const tz = await getUserTimeZone({ ...ctx, tx });
    await readContactRhythm(tx, ctx.userId, input.contactId, tz);
    const today = localToday(tz);
    const day = body.until ?? addDays(today, body.days ?? 7);
    if (day <= today)
      throw new AppError("invalid_body", "until must be after today", {
        fields: { until: ["Pick a later day"] },
      });
    const snoozedUntil = startOfLocalDay(day, tz);
    await tx
      .insert(contactRhythms)
      .values({ contactId: input.contactId, userId: ctx.userId, snoozedUntil })
      .onConflictDoUpdate({ target: contactRhythms.contactId, set: { snoozedUntil, updatedAt: new Date() } });
    return readContactRhythm(tx, ctx.userId, input.contactId, tz);
  });
}
