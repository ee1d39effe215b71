import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { contactEmailOptouts } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import type { emailConsentSchema } from "./set-do-not-email";

export async function getEmailConsent(
  ctx: Ctx,
  input: { contactId: string },
): Promise<z.infer<typeof emailConsentSchema>> {
  const [row] = await withUser(ctx, (tx) =>
    tx
      .select()
      .from(contactEmailOptouts)
      .where(
        and(eq(contactEmailOptouts.userId, ctx.userId), eq(contactEmailOptouts.contactId, input.contactId)),
      ),
  );
  return row
    ? { contactId: input.contactId, doNotEmail: true, reason: row.reason, source: row.source }
    : { contactId: input.contactId, doNotEmail: false, reason: null, source: null };
}
