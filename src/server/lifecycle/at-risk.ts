import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { withUser, type Tx } from "../db/with-user";
import { contacts, type LifecycleStage } from "../db/schema/contacts";
import { contactSummarySchema, summariesFor } from "../contacts/contact-dto";
import { readCrmSettings } from "../crm-settings/crm-settings";
import { localToday } from "../followups/local-time";
import { readTimeZone } from "../followups/read-time-zone";
import { findDueContacts } from "../rhythms/find-due-contacts";
import { readRhythmConfig } from "../rhythms/rhythm-config";

/** Stages that count as an active client relationship (prospects and lost clients do not). */
export const ACTIVE_CLIENT_STAGES: LifecycleStage[] = [
  "New Client",
  "Core Client",
  "Referring Client",
  "VIP Client",
];
/** "Regular contact": at least this many interactions in the 90 days before the last one. */
export const REGULAR_MIN_INTERACTIONS = 3;
export const REGULAR_WINDOW_DAYS = 90;

export const atRiskItemSchema = z.object({
  contact: contactSummarySchema,
  daysSinceLastInteraction: z.number().int(),
  interactionsInWindow: z.number().int(),
});
export type AtRiskItem = z.infer<typeof atRiskItemSchema>;

type Row = { id: string; days: number; n: number };

/**
 * Active clients who were in regular contact and have now gone quiet. With a keep-in-touch
 * rhythm (own, stage or tag default) that means overdue by more than the at-risk margin;
 * clients without any rhythm fall back to the single `atRiskDays` threshold.
 */
export async function findAtRisk(tx: Tx, userId: string, limit = 200): Promise<AtRiskItem[]> {
  const { atRiskDays } = await readCrmSettings(tx, userId);
  const config = await readRhythmConfig(tx, userId);
  const tz = await readTimeZone(tx, userId);
  const now = new Date();
  const overdue = await findDueContacts(tx, userId, config, {
    tz,
    today: localToday(tz, now),
    now,
    limit: 1000,
    marginDays: config.atRiskMarginDays,
    stages: ACTIVE_CLIENT_STAGES,
  });
  const ids = overdue.items.map((d) => sql`${d.contactId}::uuid`);
  const byRhythm = ids.length ? sql`c.id IN (${sql.join(ids, sql`, `)})` : sql`false`;
  const stagesWithRhythm = config.stages.map((x) => sql`${x.stage}`);
  const tagsWithRhythm = config.tags.map((x) => sql`${x.tagId}::uuid`);
  const noRhythm = sql`NOT EXISTS (SELECT 1 FROM contact_rhythms r WHERE r.contact_id = c.id AND r.every_days IS NOT NULL)
    ${stagesWithRhythm.length ? sql`AND c.stage NOT IN (${sql.join(stagesWithRhythm, sql`, `)})` : sql``}
    ${
      tagsWithRhythm.length
        ? sql`AND NOT EXISTS (SELECT 1 FROM contact_tags ct WHERE ct.contact_id = c.id AND ct.tag_id IN (${sql.join(tagsWithRhythm, sql`, `)}))`
        : sql``
    }`;
  const r = await tx.execute<Row>(sql`
    SELECT c.id, extract(day FROM now() - c.last_interaction_at)::int AS days, w.n
    FROM contacts c
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM interaction_contacts ic
      WHERE ic.contact_id = c.id AND ic.user_id = ${userId}
        AND ic.occurred_at >= c.last_interaction_at - make_interval(days => ${REGULAR_WINDOW_DAYS})) w
    WHERE c.user_id = ${userId} AND c.deleted_at IS NULL
      AND c.stage IN (${sql.join(
        ACTIVE_CLIENT_STAGES.map((s) => sql`${s}`),
        sql`, `,
      )})
      AND c.last_interaction_at IS NOT NULL
      AND (${byRhythm} OR (c.last_interaction_at < now() - make_interval(days => ${atRiskDays}) AND ${noRhythm}))
      AND w.n >= ${REGULAR_MIN_INTERACTIONS}
    ORDER BY c.last_interaction_at ASC LIMIT ${limit}`);
  if (!r.rows.length) return [];
  const rows = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.userId, userId),
        inArray(
          contacts.id,
          r.rows.map((x) => x.id),
        ),
      ),
    );
  const byId = new Map((await summariesFor(tx, userId, rows)).map((s) => [s.id, s]));
  return r.rows.flatMap((x) => {
    const contact = byId.get(x.id);
    return contact ? [{ contact, daysSinceLastInteraction: x.days, interactionsInWindow: x.n }] : [];
  });
}

export async function listAtRisk(ctx: Ctx): Promise<{ items: AtRiskItem[]; atRiskDays: number }> {
  return withUser(ctx, async (tx) => ({
    items: await findAtRisk(tx, ctx.userId),
    atRiskDays: (await readCrmSettings(tx, ctx.userId)).atRiskDays,
  }));
}

export const applyAtRiskInput = z.object({
  /** Apply to these suggested contacts only; omit to apply to every current suggestion. */
  ids: z.array(z.uuid()).max(1000).optional(),
});

/** Sets stage "At Risk Client" on contacts that are still suggested (others are ignored). */
export async function applyAtRisk(
  ctx: Ctx,
  raw: z.input<typeof applyAtRiskInput>,
): Promise<{ updated: string[] }> {
  const input = applyAtRiskInput.parse(raw);
  return withUser(ctx, async (tx) => {
    const suggested = (await findAtRisk(tx, ctx.userId, 1000)).map((s) => s.contact.id);
    const ids = input.ids ? suggested.filter((id) => input.ids!.includes(id)) : suggested;
    if (!ids.length) return { updated: [] };
    const now = new Date();
    await tx
      .update(contacts)
      .set({ stage: "At Risk Client", updatedAt: now })
      .where(and(eq(contacts.userId, ctx.userId), inArray(contacts.id, ids)));
    return { updated: ids };
  });
}
