import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { authUsers } from "../db/schema/auth";
import { outboxAttachments, outboxItems } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { GoogleError } from "../google/errors";
import { gmailFindByMessageIdHeader, gmailSendConsent, gmailSendMessage } from "../google/gmail/send-driver";
import type { JobCtx } from "../jobs/define-job";
import { enqueue } from "../jobs/enqueue";
import { buildOutboxMime } from "./build-outbox-mime";
import { getOutboxSettings } from "./get-outbox-settings";
import { loadRecipient } from "./load-recipient";
import { recordSentInteraction } from "./record-sent-interaction";
import { unsubscribeApiUrl } from "./unsubscribe-token";

type Item = typeof outboxItems.$inferSelect;

const DAY_MS = 86_400_000;

/**
 * The outbox_send job. Exactly once: the item is claimed (status sending, attempt counted);
 * a retried attempt first asks Gmail for a message with the item's fixed Message-ID, so a
 * run that crashed (or lost Gmail's answer) after Gmail accepted the message records that
 * copy instead of sending again. Then: sent + the outbound email on the timeline, in one
 * transaction. Every write after the claim is conditional on the item still being `sending`,
 * so a run that outlived its lease (a stalled worker) can never undo what a later run did.
 */
export async function sendOutboxItem(ctx: JobCtx, payload: { itemId: string }): Promise<void> {
  const item = await claim(ctx, payload.itemId);
  if (!item) return;
  const fail = (reason: string) => markFailed(ctx, item.id, reason);
  const recipient = await withUser(ctx, (tx) => loadRecipient(tx, ctx.userId, item.contactId)).catch(
    () => null,
  );
  if (!recipient) return fail("The contact was deleted.");
  if (recipient.optout) return fail(`The contact is marked "do not email": ${recipient.optout.reason}`);
  const consent = await gmailSendConsent(ctx);
  if (!consent.canSend) return fail("Gmail sending is not allowed yet: approve again to grant permission.");
  const settings = await getOutboxSettings(ctx);
  if (await deferForDailyCap(ctx, item, settings.dailyCap)) return;

  let accepted = item.sendAttempts > 1 ? await gmailFindByMessageIdHeader(ctx, item.messageIdHeader) : null;
  if (accepted) ctx.log.warn({ itemId: item.id }, "outbox: message already in Gmail, not sending again");
  const from = item.fromAddress ?? consent.accountEmail;
  if (!from) return fail("The Gmail address is unknown: reconnect Google.");
  if (!accepted) {
    try {
      accepted = await gmailSendMessage(ctx, {
        raw: await mime(ctx, item, from, settings.signature),
        threadId: item.gmailThreadId,
      });
    } catch (e) {
      const permanent = e instanceof GoogleError && !e.retryable && e.kind !== "not_found" ? e.message : null;
      if (permanent) return fail(`Gmail refused the message: ${permanent}`);
      await withUser(ctx, (tx) =>
        tx
          .update(outboxItems)
          .set({
            lastError: e instanceof Error ? e.message.slice(0, 500) : "send failed",
            updatedAt: new Date(),
          })
          .where(stillSending(ctx, item.id)),
      );
      if (ctx.attempt >= ctx.maxAttempts) await fail("Sending kept failing; try again later.");
      throw e; // rate limits and outages back off through the job's retry policy
    }
  }
  const sent = accepted;
  const at = new Date();
  const marked = await withUser(ctx, async (tx) => {
    const [row] = await tx
      .update(outboxItems)
      .set({
        status: "sent",
        gmailMessageId: sent.id,
        gmailThreadId: sent.threadId || item.gmailThreadId,
        sentAt: at,
        lastError: null,
        updatedAt: at,
      })
      .where(stillSending(ctx, item.id))
      .returning({ id: outboxItems.id });
    // The timeline row is keyed by the Gmail id, so recording it twice inserts nothing.
    await recordSentInteraction(tx, item, { gmailId: sent.id, threadId: sent.threadId, from, at });
    return !!row;
  });
  if (!marked) ctx.log.warn({ itemId: item.id, gmailId: sent.id }, "outbox: item settled by another run");
  else ctx.log.info({ itemId: item.id, gmailId: sent.id }, "outbox: sent");
}

const stillSending = (ctx: JobCtx, id: string) =>
  and(eq(outboxItems.userId, ctx.userId), eq(outboxItems.id, id), eq(outboxItems.status, "sending"));

async function claim(ctx: JobCtx, id: string): Promise<Item | null> {
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .update(outboxItems)
      .set({ status: "sending", sendAttempts: sql`${outboxItems.sendAttempts} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(outboxItems.userId, ctx.userId),
          eq(outboxItems.id, id),
          inArray(outboxItems.status, ["approved", "scheduled", "sending"]),
          // Rescheduled to later: that time's own job sends it.
          sql`(${outboxItems.sendAt} IS NULL OR ${outboxItems.sendAt} <= now() + interval '5 seconds')`,
        ),
      )
      .returning();
    return row ?? null;
  });
}

async function markFailed(ctx: JobCtx, id: string, reason: string): Promise<void> {
  ctx.log.warn({ itemId: id, reason }, "outbox: send failed");
  await withUser(ctx, (tx) =>
    tx
      .update(outboxItems)
      .set({ status: "failed", lastError: reason, updatedAt: new Date() })
      .where(stillSending(ctx, id)),
  );
}

/** Over the daily cap: back to scheduled for when the oldest send of the window ages out. */
async function deferForDailyCap(ctx: JobCtx, item: Item, cap: number): Promise<boolean> {
  if (item.sendAttempts > 1) return false; // a retry may already be in Gmail: finish it
  const since = new Date(Date.now() - DAY_MS);
  const sent = await withUser(ctx, (tx) =>
    tx
      .select({ at: outboxItems.sentAt })
      .from(outboxItems)
      .where(and(eq(outboxItems.userId, ctx.userId), gt(outboxItems.sentAt, since)))
      .orderBy(outboxItems.sentAt),
  );
  if (sent.length < cap) return false;
  const sendAt = new Date((sent[0]?.at?.getTime() ?? Date.now()) + DAY_MS + 60_000);
  await withUser(ctx, async (tx) => {
    await tx
      .update(outboxItems)
      .set({
        status: "scheduled",
        sendAt,
        lastError: `Daily limit of ${cap} emails reached`,
        updatedAt: new Date(),
      })
      .where(stillSending(ctx, item.id));
    await enqueue(
      { ...ctx, tx },
      "outbox_send",
      { itemId: item.id },
      { runAfter: sendAt, dedupeKey: `${item.id}:${sendAt.toISOString()}` },
    );
  });
  ctx.log.info({ itemId: item.id, cap, sendAt }, "outbox: daily cap reached, deferred");
  return true;
}

async function mime(ctx: JobCtx, item: Item, from: string, signature: string): Promise<Buffer> {
  const { atts, name } = await withUser(ctx, async (tx) => ({
    atts: await tx
      .select()
      .from(outboxAttachments)
      .where(and(eq(outboxAttachments.userId, ctx.userId), eq(outboxAttachments.itemId, item.id))),
    name:
      (await tx.select({ name: authUsers.name }).from(authUsers).where(eq(authUsers.id, ctx.userId)))[0]
        ?.name ?? "",
  }));
  const unsubscribe = item.groupId ? unsubscribeApiUrl(ctx.userId, item.contactId) : null;
  return buildOutboxMime({
    from: { name, address: from },
    to: item.toAddress,
    cc: item.cc,
    subject: item.subject,
    body: signature.trim() ? `${item.body}\n\n-- \n${signature.trim()}` : item.body,
    messageId: item.messageIdHeader,
    inReplyTo: item.inReplyTo,
    references: item.references,
    attachments: atts.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, "base64"),
    })),
    headers: unsubscribe
      ? { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
      : undefined,
  });
}
