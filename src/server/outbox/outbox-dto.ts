import { eq, inArray } from "drizzle-orm";
import { contacts } from "../db/schema/contacts";
import { outboxAttachments, type outboxItems } from "../db/schema/outbox";
import type { Tx } from "../db/with-user";
import { formatLocal } from "./local-time";
import type { OutboxItemDto } from "./schemas";

type Row = typeof outboxItems.$inferSelect;

const firstLine = (body: string) =>
  (body.split("\n").find((l) => l.trim() !== "") ?? "")
    .replace(/[*_#`\\]/g, "")
    .trim()
    .slice(0, 140);

/** Rows → API shape, with contact names, attachment metadata and local send times. */
export async function toOutboxDtos(tx: Tx, rows: Row[], timeZone: string): Promise<OutboxItemDto[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const names = new Map(
    (
      await tx
        .select({ id: contacts.id, name: contacts.displayName })
        .from(contacts)
        .where(inArray(contacts.id, [...new Set(rows.map((r) => r.contactId))]))
    ).map((c) => [c.id, c.name]),
  );
  const atts = await tx
    .select({
      itemId: outboxAttachments.itemId,
      filename: outboxAttachments.filename,
      contentType: outboxAttachments.contentType,
      sizeBytes: outboxAttachments.sizeBytes,
    })
    .from(outboxAttachments)
    .where(ids.length === 1 ? eq(outboxAttachments.itemId, ids[0]!) : inArray(outboxAttachments.itemId, ids));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    origin: r.origin,
    contactId: r.contactId,
    contactName: names.get(r.contactId) ?? "",
    to: r.toAddress,
    cc: r.cc,
    from: r.fromAddress,
    subject: r.subject,
    body: r.body,
    preview: firstLine(r.body),
    replyToInteractionId: r.replyToInteractionId,
    threadId: r.gmailThreadId,
    templateId: r.templateId,
    groupId: r.groupId,
    sendAt: r.sendAt?.toISOString() ?? null,
    sendAtLocal: r.sendAt ? formatLocal(r.sendAt, timeZone) : null,
    idempotencyKey: r.idempotencyKey,
    messageId: r.gmailMessageId,
    attachments: atts
      .filter((a) => a.itemId === r.id)
      .map(({ filename, contentType, sizeBytes }) => ({ filename, contentType, sizeBytes })),
    lastError: r.lastError,
    sentAt: r.sentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
