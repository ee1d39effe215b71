import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { contacts, contactTags } from "../db/schema/contacts";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { createOutboxItem } from "./create-outbox-item";
import { groupSendInput, type groupSendResult, type OutboxItemDto } from "./schemas";
import { unsubscribeUrl } from "./unsubscribe-token";
import { outboxError } from "./outbox-error";

export const GROUP_SEND_MAX = 200;

/**
 * A group send to a stage or a tag: one individual draft per contact (never BCC), each with
 * its own unsubscribe link. Contacts marked "do not email" or without an address are
 * skipped and reported. The drafts are approved like any other (e.g. as a batch).
 */
export async function createGroupSend(ctx: Ctx, raw: unknown): Promise<z.infer<typeof groupSendResult>> {
  const input = groupSendInput.parse(raw);
  const members = await withUser(ctx, (tx) => {
    const live = and(
      eq(contacts.userId, ctx.userId),
      isNull(contacts.deletedAt),
      isNull(contacts.mergedIntoId),
    );
    return input.stage
      ? tx
          .select({ id: contacts.id })
          .from(contacts)
          .where(and(live, eq(contacts.stage, input.stage as never)))
      : tx
          .select({ id: contacts.id })
          .from(contacts)
          .innerJoin(contactTags, eq(contactTags.contactId, contacts.id))
          .where(and(live, eq(contactTags.tagId, input.tagId!)));
  });
  if (members.length > GROUP_SEND_MAX)
    throw outboxError(
      "unprocessable",
      `A group send reaches at most ${GROUP_SEND_MAX} people (this one: ${members.length}).`,
    );
  const groupId = randomUUID();
  const items: OutboxItemDto[] = [];
  const skipped: { contactId: string; reason: string }[] = [];
  for (const m of members) {
    try {
      items.push(
        await createOutboxItem(
          ctx,
          {
            contactId: m.id,
            templateId: input.templateId,
            subject: input.subject ?? "",
            body: input.body ?? "",
          },
          {
            origin: "group",
            groupId,
            idempotencyKey: `group:${groupId}:${m.id}`,
            footer: `[Unsubscribe](${unsubscribeUrl(ctx.userId, m.id)}) from these emails.`,
          },
        ),
      );
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      skipped.push({ contactId: m.id, reason: e.message });
    }
  }
  return { groupId, created: items.length, skipped, items };
}
