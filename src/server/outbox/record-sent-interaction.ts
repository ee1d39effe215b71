import { and, eq } from "drizzle-orm";
import { linkInteractionContacts } from "../contacts/link-interaction-contacts";
import { interactions } from "../db/schema/interactions";
import type { outboxItems } from "../db/schema/outbox";
import type { Tx } from "../db/with-user";
import { trimForSummary } from "../sync/mime/summarize";
import { markdownToEmail } from "./markdown-email";

/**
 * The sent email on the contact's timeline at once: an outbound gmail interaction keyed by
 * the Gmail id, exactly what the importer would write, so the next import adds nothing.
 */
export async function recordSentInteraction(
  tx: Tx,
  item: typeof outboxItems.$inferSelect,
  sent: { gmailId: string; threadId: string; from: string; at: Date },
): Promise<string> {
  const text = markdownToEmail(item.body).text;
  const [row] = await tx
    .insert(interactions)
    .values({
      userId: item.userId,
      type: "email",
      source: "gmail",
      sourceId: sent.gmailId,
      occurredAt: sent.at,
      subject: item.subject,
      body: text,
      summary: trimForSummary(text),
      direction: "outbound",
      threadId: sent.threadId || null,
      metadata: {
        participants: [item.toAddress, ...item.cc],
        from: sent.from,
        fromName: null,
        to: [item.toAddress],
        cc: item.cc,
        labelIds: ["SENT"],
        messageId: item.messageIdHeader,
        references: item.references,
        bulk: false,
        attachments: [],
        outboxItemId: item.id,
      },
    })
    .onConflictDoNothing()
    .returning({ id: interactions.id });
  const id =
    row?.id ??
    (
      await tx
        .select({ id: interactions.id })
        .from(interactions)
        .where(
          and(
            eq(interactions.userId, item.userId),
            eq(interactions.source, "gmail"),
            eq(interactions.sourceId, sent.gmailId),
          ),
        )
    )[0]!.id;
  await linkInteractionContacts(tx, item.userId, [{ interactionId: id, contactId: item.contactId }]);
  return id;
}
