import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { contactEmailOptouts, outboxItems } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { gmailSendConsent } from "../google/gmail/send-driver";
import { enqueue } from "../jobs/enqueue";
import { SEND_CONSENT_URL } from "./get-outbox-settings";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { parseSendAt } from "./local-time";
import { toOutboxDtos } from "./outbox-dto";
import type { OutboxItemDto } from "./schemas";
import { outboxError } from "./outbox-error";

/**
 * Approves drafts (one or a batch, all or nothing): each becomes `approved` (sends now) or
 * `scheduled` (sendAt in the future) and gets its send job in the same transaction. The
 * first approval of a read-only Gmail user answers 403 with the URL that asks Google for
 * the send permission (incremental consent).
 */
export async function approveOutboxItems(
  ctx: Ctx,
  input: { ids: string[]; sendAt?: string | null },
): Promise<OutboxItemDto[]> {
  const ids = [...new Set(input.ids)];
  const consent = await gmailSendConsent(ctx);
  if (!consent.connected)
    throw outboxError("conflict", "Connect Gmail before sending email.", { reason: "gmail_not_connected" });
  if (!consent.canSend)
    throw outboxError("forbidden", "Allow OmniCRM to send email from your Gmail first.", {
      reason: "gmail_send_consent_required",
      authorizeUrl: SEND_CONSENT_URL,
    });
  const timeZone = await getUserTimeZone(ctx);
  const newSendAt = input.sendAt ? parseSendAt(input.sendAt, timeZone) : undefined;
  if (input.sendAt && !newSendAt) throw outboxError("invalid_body", "sendAt is not a valid date-time");
  return withUser(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(outboxItems)
      .where(and(eq(outboxItems.userId, ctx.userId), inArray(outboxItems.id, ids)));
    if (rows.length !== ids.length) throw outboxError("not_found", "outbox item not found");
    const wrong = rows.find((r) => r.status !== "draft" && r.status !== "failed");
    if (wrong)
      throw outboxError("conflict", `"${wrong.subject}" is already ${wrong.status}`, { id: wrong.id });
    const blocked = await tx
      .select({ contactId: contactEmailOptouts.contactId, reason: contactEmailOptouts.reason })
      .from(contactEmailOptouts)
      .where(
        and(
          eq(contactEmailOptouts.userId, ctx.userId),
          inArray(contactEmailOptouts.contactId, [...new Set(rows.map((r) => r.contactId))]),
        ),
      );
    if (blocked[0])
      throw outboxError("conflict", `A recipient is marked "do not email": ${blocked[0].reason}`, {
        reason: "do_not_email",
        contactId: blocked[0].contactId,
      });
    const now = new Date();
    const out = [];
    for (const r of rows) {
      const sendAt = newSendAt === undefined ? r.sendAt : newSendAt;
      const later = !!sendAt && sendAt.getTime() > now.getTime() + 5_000;
      const [u] = await tx
        .update(outboxItems)
        .set({
          status: later ? "scheduled" : "approved",
          sendAt: later ? sendAt : null,
          approvedAt: now,
          lastError: null,
          updatedAt: now,
        })
        .where(and(eq(outboxItems.userId, ctx.userId), eq(outboxItems.id, r.id)))
        .returning();
      out.push(u!);
      await enqueue(
        { ...ctx, tx },
        "outbox_send",
        { itemId: r.id },
        { runAfter: later ? sendAt! : now, dedupeKey: `${r.id}:${later ? sendAt!.toISOString() : "now"}` },
      );
    }
    const byId = new Map(out.map((o) => [o.id, o]));
    return toOutboxDtos(
      tx,
      ids.map((id) => byId.get(id)!),
      timeZone,
    );
  });
}
