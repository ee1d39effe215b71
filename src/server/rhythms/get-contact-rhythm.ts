import { and, eq, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { contacts } from "../db/schema/contacts";
import { contactRhythms } from "../db/schema/followups";
import { withUser, type Tx } from "../db/with-user";
import { AppError } from "../errors";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { readRhythmConfig } from "./rhythm-config";
import { dueFrom } from "./rhythm-math";
import type { ContactRhythm } from "./schemas";

/** A contact's rhythm: its own setting, what applies and why, and from when it is due. */
export async function getContactRhythm(ctx: Ctx, input: { contactId: string }): Promise<ContactRhythm> {
  return withUser(ctx, async (tx) => {
    const tz = await getUserTimeZone({ ...ctx, tx });
    return readContactRhythm(tx, ctx.userId, input.contactId, tz);
  });
}

export async function readContactRhythm(
  tx: Tx,
  userId: string,
  contactId: string,
  tz: string,
): Promise<ContactRhythm> {
  const [c] = await tx
    .select({
      id: contacts.id,
      stage: contacts.stage,
      last: contacts.lastInteractionAt,
      createdAt: contacts.createdAt,
      everyDays: contactRhythms.everyDays,
      snoozedUntil: contactRhythms.snoozedUntil,
    })
    .from(contacts)
    .leftJoin(contactRhythms, eq(contactRhythms.contactId, contacts.id))
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId), isNull(contacts.deletedAt)));
  if (!c) throw new AppError("not_found", "No such contact");
  const config = await readRhythmConfig(tx, userId);
  const tagRows = await tx.execute<{ tag_id: string }>(
    sql`SELECT tag_id FROM contact_tags WHERE user_id = ${userId} AND contact_id = ${contactId}::uuid`,
  );
  const mine = new Set(tagRows.rows.map((t) => t.tag_id));
  const candidates: { days: number; kind: "stage" | "tag"; name: string | null }[] = [
    ...config.stages
      .filter((s) => s.stage === c.stage)
      .map((s) => ({ days: s.everyDays, kind: "stage" as const, name: s.stage })),
    ...config.tags
      .filter((t) => mine.has(t.tagId))
      .map((t) => ({ days: t.everyDays, kind: "tag" as const, name: t.name })),
  ].sort((a, b) => a.days - b.days);
  const own = c.everyDays ?? null;
  const applied =
    own !== null
      ? own > 0
        ? { days: own, kind: "contact" as const, name: null }
        : null
      : (candidates[0] ?? null);
  const ref = c.last ?? c.createdAt;
  const snoozed = c.snoozedUntil && c.snoozedUntil > new Date() ? c.snoozedUntil : null;
  return {
    contactId,
    everyDays: own,
    effectiveDays: applied?.days ?? null,
    why: applied ? { kind: applied.kind, name: applied.name } : null,
    lastInteractionAt: c.last?.toISOString() ?? null,
    dueOn: applied ? dueFrom(ref, applied.days, tz) : null,
    snoozedUntil: snoozed?.toISOString() ?? null,
  };
}
