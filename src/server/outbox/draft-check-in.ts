import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { emailTemplates } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { seedStarterTemplates } from "../templates/seed-starter-templates";
import { CHECK_IN_TEMPLATE_KEY } from "../templates/starter-templates";
import { createOutboxItem } from "./create-outbox-item";
import type { OutboxItemDto } from "./schemas";

/**
 * "Draft a check-in for contact X" (Today's action): a draft from the check-in starter
 * template (or a plain note if the user deleted it). One draft per contact per day, however
 * often it is clicked.
 */
export async function draftCheckIn(ctx: Ctx, input: { contactId: string }): Promise<OutboxItemDto> {
  await seedStarterTemplates(ctx);
  const [t] = await withUser(ctx, (tx) =>
    tx
      .select({ id: emailTemplates.id })
      .from(emailTemplates)
      .where(
        and(eq(emailTemplates.userId, ctx.userId), eq(emailTemplates.starterKey, CHECK_IN_TEMPLATE_KEY)),
      ),
  );
  const day = new Date().toISOString().slice(0, 10);
  return createOutboxItem(
    ctx,
    t
      ? { contactId: input.contactId, templateId: t.id }
      : { contactId: input.contactId, subject: "Checking in", body: "Hi,\n\nHow have you been?" },
    { origin: "checkin", idempotencyKey: `checkin:${input.contactId}:${day}` },
  );
}
