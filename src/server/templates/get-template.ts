import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { emailTemplates } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { getOutboxSettings } from "../outbox/get-outbox-settings";
import { loadRecipient } from "../outbox/load-recipient";
import { mergeValuesFor } from "../outbox/merge-values";
import { renderTemplate } from "../outbox/render-template";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { toTemplateDto, type templateWithPreview } from "./schemas";
import { outboxError } from "../outbox/outbox-error";

/** One template; with a contactId, also rendered for that recipient (the per-recipient preview). */
export async function getTemplate(
  ctx: Ctx,
  input: { id: string; contactId?: string },
): Promise<z.infer<typeof templateWithPreview>> {
  const timeZone = input.contactId ? await getUserTimeZone(ctx) : "UTC";
  const settings = input.contactId ? await getOutboxSettings(ctx) : null;
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(emailTemplates)
      .where(and(eq(emailTemplates.userId, ctx.userId), eq(emailTemplates.id, input.id)));
    if (!row) throw outboxError("not_found", "template not found");
    const dto = toTemplateDto(row);
    if (!input.contactId) return dto;
    const r = await loadRecipient(tx, ctx.userId, input.contactId);
    const values = await mergeValuesFor(tx, ctx.userId, r, { timeZone, bookingLink: settings!.bookingLink });
    const subject = renderTemplate(row.subject, values, { escape: false });
    const body = renderTemplate(row.body, values);
    return {
      ...dto,
      preview: {
        contactId: r.id,
        subject: subject.text,
        body: body.text,
        missingFields: [...new Set([...subject.missing, ...body.missing])],
      },
    };
  });
}
