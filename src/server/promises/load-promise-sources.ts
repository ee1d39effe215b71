import { and, eq, gt, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contacts, notes } from "../db/schema/contacts";
import { interactionContacts, interactions } from "../db/schema/interactions";
import { PROMISE_LOOKBACK_DAYS, type ScanPromisesPayload } from "./schemas";

/** One piece of the user's own writing that may hold promises. */
export type PromiseSource = {
  ref: string;
  source: "email" | "note";
  contactId: string | null;
  writtenAt: Date;
  subject: string | null;
  text: string;
};

/**
 * The user's own recent writing among `ownerIds`: outgoing emails (direction outbound) and
 * notes, written in the last PROMISE_LOOKBACK_DAYS. Inbound mail is never scanned: only
 * the user's promises become their tasks.
 */
export async function loadPromiseSources(
  tx: Tx,
  userId: string,
  p: ScanPromisesPayload,
  now = new Date(),
): Promise<PromiseSource[]> {
  const since = new Date(now.getTime() - PROMISE_LOOKBACK_DAYS * 86_400_000);
  if (p.ownerType === "note") {
    const rows = await tx
      .select({ id: notes.id, contactId: notes.contactId, body: notes.body, at: notes.updatedAt })
      .from(notes)
      .innerJoin(contacts, eq(contacts.id, notes.contactId))
      .where(
        and(
          eq(notes.userId, userId),
          inArray(notes.id, p.ownerIds),
          gt(notes.updatedAt, since),
          isNull(contacts.deletedAt),
        ),
      );
    return rows.map((r) => ({
      ref: `note:${r.id}`,
      source: "note",
      contactId: r.contactId,
      writtenAt: r.at,
      subject: null,
      text: r.body,
    }));
  }
  const rows = await tx
    .select({
      id: interactions.id,
      at: interactions.occurredAt,
      subject: interactions.subject,
      body: interactions.body,
    })
    .from(interactions)
    .where(
      and(
        eq(interactions.userId, userId),
        inArray(interactions.id, p.ownerIds),
        eq(interactions.type, "email"),
        eq(interactions.direction, "outbound"),
        isNotNull(interactions.body),
        gt(interactions.occurredAt, since),
      ),
    );
  if (!rows.length) return [];
  const links = await tx
    .select({ interactionId: interactionContacts.interactionId, contactId: interactionContacts.contactId })
    .from(interactionContacts)
    .where(
      and(
        eq(interactionContacts.userId, userId),
        inArray(
          interactionContacts.interactionId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const contactOf = new Map<string, string>();
  for (const l of links) if (!contactOf.has(l.interactionId)) contactOf.set(l.interactionId, l.contactId);
  return rows.map((r) => ({
    ref: `interaction:${r.id}`,
    source: "email",
    contactId: contactOf.get(r.id) ?? null,
    writtenAt: r.at,
    subject: r.subject,
    text: r.body ?? "",
  }));
}
