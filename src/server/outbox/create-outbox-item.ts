import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { emailTemplates, outboxAttachments, outboxItems, type OutboxOrigin } from "../db/schema/outbox";
import { interactions } from "../db/schema/interactions";
import { withUser } from "../db/with-user";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { getOutboxSettings } from "./get-outbox-settings";
import { assertEmailable, loadRecipient } from "./load-recipient";
import { parseSendAt } from "./local-time";
import { mergeValuesFor } from "./merge-values";
import { toOutboxDtos } from "./outbox-dto";
import { renderTemplate } from "./render-template";
import {
  createOutboxInput,
  MAX_ATTACHMENT_BYTES,
  type CreateOutboxInput,
  type OutboxItemDto,
} from "./schemas";
import { requireSendAsAddress } from "./require-send-as-address";
import { outboxError } from "./outbox-error";

export type CreateOptions = {
  origin?: OutboxOrigin;
  groupId?: string;
  /** Same key twice → the first item, not a second one (assistant and Today retries). */
  idempotencyKey?: string;
  /** Extra Markdown appended after the body (the unsubscribe line of a group send). */
  footer?: string;
};

/**
 * Creates a draft in the outbox. Nothing is sent until it is approved. The recipient must
 * be one of the contact's addresses and the contact must not be marked "do not email".
 */
export async function createOutboxItem(
  ctx: Ctx,
  raw: CreateOutboxInput,
  opts: CreateOptions = {},
): Promise<OutboxItemDto> {
  const input = createOutboxInput.parse(raw);
  const timeZone = await getUserTimeZone(ctx);
  const settings = await getOutboxSettings(ctx);
  const from = input.from ? await requireSendAsAddress(ctx, input.from) : null;
  const sendAt = input.sendAt ? parseSendAt(input.sendAt, timeZone) : null;
  if (input.sendAt && !sendAt)
    throw outboxError(
      "invalid_body",
      "sendAt must be an ISO instant or a local date-time like 2026-12-24T09:00",
    );
  const files = (input.attachments ?? []).map((a) => ({
    ...a,
    content: Buffer.from(a.contentBase64, "base64"),
  }));
  if (files.reduce((n, f) => n + f.content.length, 0) > MAX_ATTACHMENT_BYTES)
    throw outboxError("payload_too_large", "Attachments may total at most 10 MB");
  const idempotencyKey = opts.idempotencyKey ?? `outbox:${randomUUID()}`;

  return withUser(ctx, async (tx) => {
    if (opts.idempotencyKey) {
      const existing = await tx
        .select()
        .from(outboxItems)
        .where(and(eq(outboxItems.userId, ctx.userId), eq(outboxItems.idempotencyKey, idempotencyKey)));
      if (existing[0]) return (await toOutboxDtos(tx, existing, timeZone))[0]!;
    }
    const r = await loadRecipient(tx, ctx.userId, input.contactId);
    assertEmailable(r);
    const to = input.to?.toLowerCase() ?? r.primaryEmail;
    if (!to) throw outboxError("unprocessable", `${r.displayName} has no email address`);
    const own = new Set(r.emails.map((e) => e.toLowerCase()));
    const foreign = [to, ...(input.cc ?? [])].find((e) => !own.has(e.toLowerCase()));
    if (foreign) throw outboxError("invalid_body", `${foreign} is not one of ${r.displayName}'s addresses`);

    let subject = input.subject;
    let body = input.body;
    if (input.templateId) {
      const [t] = await tx
        .select()
        .from(emailTemplates)
        .where(and(eq(emailTemplates.userId, ctx.userId), eq(emailTemplates.id, input.templateId)));
      if (!t) throw outboxError("not_found", "template not found");
      const values = await mergeValuesFor(tx, ctx.userId, r, { timeZone, bookingLink: settings.bookingLink });
      subject ||= renderTemplate(t.subject, values, { escape: false }).text;
      body ||= renderTemplate(t.body, values).text;
    }
    let thread: { threadId: string | null; inReplyTo: string | null; references: string | null } = {
      threadId: null,
      inReplyTo: null,
      references: null,
    };
    if (input.replyToInteractionId) {
      const [orig] = await tx
        .select()
        .from(interactions)
        .where(and(eq(interactions.userId, ctx.userId), eq(interactions.id, input.replyToInteractionId)));
      if (!orig || orig.type !== "email") throw outboxError("not_found", "email to reply to not found");
      const meta = orig.metadata ?? {};
      const parentId = typeof meta.messageId === "string" && meta.messageId ? meta.messageId : null;
      const parentRefs = typeof meta.references === "string" ? meta.references : "";
      thread = {
        threadId: orig.threadId,
        inReplyTo: parentId,
        references: parentId ? `${parentRefs} ${parentId}`.trim() : null,
      };
      subject ||= /^re:/i.test(orig.subject ?? "")
        ? (orig.subject ?? "")
        : `Re: ${orig.subject ?? ""}`.trim();
    }
    if (!subject.trim()) throw outboxError("invalid_body", "subject is required");
    if (opts.footer) body = `${body}\n\n${opts.footer}`;

    const id = randomUUID();
    const domain = (from ?? "omnicrm.local").split("@")[1] ?? "omnicrm.local";
    const [row] = await tx
      .insert(outboxItems)
      .values({
        id,
        userId: ctx.userId,
        contactId: r.id,
        origin:
          opts.origin ?? (input.replyToInteractionId ? "reply" : input.templateId ? "template" : "compose"),
        toAddress: to,
        cc: input.cc ?? [],
        fromAddress: from,
        subject: subject.slice(0, 998),
        body,
        replyToInteractionId: input.replyToInteractionId ?? null,
        gmailThreadId: thread.threadId,
        inReplyTo: thread.inReplyTo,
        references: thread.references,
        templateId: input.templateId ?? null,
        groupId: opts.groupId ?? null,
        sendAt,
        idempotencyKey,
        messageIdHeader: `<${id}@${domain}>`,
      })
      .returning();
    if (files.length)
      await tx.insert(outboxAttachments).values(
        files.map((f) => ({
          userId: ctx.userId,
          itemId: id,
          filename: f.filename,
          contentType: f.contentType,
          sizeBytes: f.content.length,
          contentBase64: f.content.toString("base64"),
        })),
      );
    return (await toOutboxDtos(tx, [row!], timeZone))[0]!;
  });
}
