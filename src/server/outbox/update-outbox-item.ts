import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { contactIdentities } from "../db/schema/contacts";
import { outboxItems } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { enqueue } from "../jobs/enqueue";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { parseSendAt } from "./local-time";
import { toOutboxDtos } from "./outbox-dto";
import { requireSendAsAddress } from "./require-send-as-address";
import { updateOutboxInput, type OutboxItemDto } from "./schemas";
import { outboxError } from "./outbox-error";

/**
 * Edits a draft, or an approved/scheduled item before it leaves. Changing the content of
 * an approved item sends it back to draft (the user approves what goes out); changing only
 * the time of a scheduled item reschedules it.
 */
export async function updateOutboxItem(
  ctx: Ctx,
  input: { id: string; patch: unknown },
): Promise<OutboxItemDto> {
  const patch = updateOutboxInput.parse(input.patch);
  const timeZone = await getUserTimeZone(ctx);
  const from = patch.from ? await requireSendAsAddress(ctx, patch.from) : patch.from;
  const sendAt =
    patch.sendAt === undefined
      ? undefined
      : patch.sendAt === null
        ? null
        : parseSendAt(patch.sendAt, timeZone);
  if (patch.sendAt && !sendAt) throw outboxError("invalid_body", "sendAt is not a valid date-time");
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(outboxItems)
      .where(and(eq(outboxItems.userId, ctx.userId), eq(outboxItems.id, input.id)));
    if (!row) throw outboxError("not_found", "outbox item not found");
    if (!["draft", "approved", "scheduled", "failed"].includes(row.status))
      throw outboxError("conflict", `This email is already ${row.status}.`);
    const addrs = [patch.to, ...(patch.cc ?? [])].filter((a): a is string => !!a).map((a) => a.toLowerCase());
    if (addrs.length) {
      const mine = await tx
        .select({ v: contactIdentities.valueNormalized })
        .from(contactIdentities)
        .where(and(eq(contactIdentities.userId, ctx.userId), eq(contactIdentities.contactId, row.contactId)));
      const bad = addrs.find((a) => !mine.some((m) => m.v === a));
      if (bad) throw outboxError("invalid_body", `${bad} is not one of the contact's addresses`);
    }
    const contentChanged =
      patch.subject !== undefined ||
      patch.body !== undefined ||
      patch.to !== undefined ||
      patch.cc !== undefined ||
      patch.from !== undefined;
    const pending = row.status === "approved" || row.status === "scheduled";
    const now = new Date();
    let status = row.status;
    if (pending && contentChanged) status = "draft";
    const nextSendAt = sendAt === undefined ? row.sendAt : sendAt;
    if (pending && !contentChanged && sendAt !== undefined)
      status = nextSendAt && nextSendAt.getTime() > now.getTime() + 5_000 ? "scheduled" : "approved";
    const [u] = await tx
      .update(outboxItems)
      .set({
        ...(patch.subject !== undefined ? { subject: patch.subject } : {}),
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.to !== undefined ? { toAddress: patch.to.toLowerCase() } : {}),
        ...(patch.cc !== undefined ? { cc: patch.cc.map((c) => c.toLowerCase()) } : {}),
        ...(from !== undefined ? { fromAddress: from } : {}),
        ...(sendAt !== undefined ? { sendAt } : {}),
        status,
        ...(status === "draft" ? { approvedAt: null } : {}),
        updatedAt: now,
      })
      .where(and(eq(outboxItems.userId, ctx.userId), eq(outboxItems.id, row.id)))
      .returning();
    if (pending && status !== "draft" && sendAt !== undefined) {
      const runAfter = status === "scheduled" ? nextSendAt! : now;
      await enqueue(
        { ...ctx, tx },
        "outbox_send",
        { itemId: row.id },
        {
          runAfter,
          dedupeKey: `${row.id}:${status === "scheduled" ? runAfter.toISOString() : "now"}`,
        },
      );
    }
    return (await toOutboxDtos(tx, [u!], timeZone))[0]!;
  });
}
