import type { Ctx } from "../context";
import { requireContact } from "../contacts/require-contact";
import { formLinks } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { createOutboxItem } from "../outbox/create-outbox-item";
import { requireForm } from "./form-view";
import { formLinkUrl, newLinkToken } from "./link-token";
import { createLinkInput, type CreateLinkInput, type FormLinkDto } from "./schemas";

const DAY_MS = 86_400_000;

/**
 * A link to a form: per client (answers go to that contact) or public (new clients), one-time
 * or reusable, optionally expiring. The token is shown once, here; only its key's hash is
 * kept. With sendViaOutbox an email with the link waits in the outbox for approval.
 */
export async function createFormLink(
  ctx: Ctx,
  input: { formId: string; body: CreateLinkInput },
): Promise<FormLinkDto> {
  const p = createLinkInput.parse(input.body);
  if (p.sendViaOutbox && !p.contactId)
    throw new AppError("invalid_body", "sending through the outbox needs a contactId");
  const { token, keySha256 } = newLinkToken();
  const { row, formName } = await withUser(ctx, async (tx) => {
    const form = await requireForm(tx, ctx.userId, input.formId);
    if (p.contactId) await requireContact(tx, ctx.userId, p.contactId, { deleted: false });
    const [r] = await tx
      .insert(formLinks)
      .values({
        userId: ctx.userId,
        formId: form.id,
        contactId: p.contactId ?? null,
        reusable: p.reusable,
        expiresAt: p.expiresInDays ? new Date(Date.now() + p.expiresInDays * DAY_MS) : null,
        keySha256,
      })
      .returning();
    return { row: r!, formName: form.name };
  });
  const url = formLinkUrl(token);
  let outboxItemId: string | null = null;
  if (p.sendViaOutbox && p.contactId) {
    const item = await createOutboxItem(
      ctx,
      {
        contactId: p.contactId,
        subject: formName,
        body: `Hello,\n\nBefore we meet, please fill in this form: [${formName}](${url})\n\nIt takes a few minutes and works on your phone.`,
      },
      { idempotencyKey: `form-link:${row.id}` },
    );
    outboxItemId = item.id;
  }
  return {
    id: row.id,
    formId: row.formId,
    contactId: row.contactId,
    reusable: row.reusable,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    url,
    token,
    outboxItemId,
  };
}
