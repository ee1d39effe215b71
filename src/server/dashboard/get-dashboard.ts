import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts, lifecycleStages } from "../db/schema/contacts";
import { contactSummarySchema, summariesFor } from "../contacts/contact-dto";
import { atRiskItemSchema, findAtRisk } from "../lifecycle/at-risk";

export const dashboardSchema = z.object({
  totalContacts: z.number().int(),
  countsByStage: z.record(z.enum(lifecycleStages), z.number().int()),
  /** Clients who went quiet after regular contact (the At Risk suggestion), oldest first. */
  needsFollowUp: z.array(atRiskItemSchema),
  recentActivity: z.array(
    z.object({
      kind: z.enum(["interaction", "note"]),
      id: z.uuid(),
      at: z.string(),
      contactId: z.uuid(),
      contactName: z.string(),
      title: z.string(),
    }),
  ),
  recentContacts: z.array(contactSummarySchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

type Activity = {
  kind: "interaction" | "note";
  id: string;
  at: string;
  contact_id: string;
  name: string;
  title: string | null;
};

export async function getDashboard(ctx: Ctx): Promise<Dashboard> {
  const u = ctx.userId;
  return withUser(ctx, async (tx) => {
    const counts = await tx
      .select({ stage: contacts.stage, n: sql<number>`count(*)::int` })
      .from(contacts)
      .where(and(eq(contacts.userId, u), isNull(contacts.deletedAt)))
      .groupBy(contacts.stage);
    const countsByStage = Object.fromEntries(
      lifecycleStages.map((s) => [s, 0]),
    ) as Dashboard["countsByStage"];
    for (const c of counts) countsByStage[c.stage] = c.n;
    const act = await tx.execute<Activity>(sql`
      SELECT * FROM (
        (SELECT 'interaction' AS kind, i.id, i.occurred_at AS at, l.contact_id, l.display_name AS name,
           coalesce(i.subject, i.type) AS title
         FROM interactions i JOIN LATERAL (SELECT ic.contact_id, c.display_name FROM interaction_contacts ic
           JOIN contacts c ON c.id = ic.contact_id AND c.deleted_at IS NULL
           WHERE ic.interaction_id = i.id AND ic.user_id = ${u} LIMIT 1) l ON true
         WHERE i.user_id = ${u} AND i.occurred_at <= now() ORDER BY i.occurred_at DESC LIMIT 10)
        UNION ALL
        (SELECT 'note', n.id, n.created_at, n.contact_id, c.display_name, left(n.body, 120)
         FROM notes n JOIN contacts c ON c.id = n.contact_id AND c.deleted_at IS NULL
         WHERE n.user_id = ${u} ORDER BY n.created_at DESC LIMIT 10)
      ) a ORDER BY at DESC LIMIT 10`);
    const recent = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.userId, u), isNull(contacts.deletedAt)))
      .orderBy(desc(contacts.createdAt))
      .limit(5);
    return {
      totalContacts: counts.reduce((s, c) => s + c.n, 0),
      countsByStage,
      needsFollowUp: await findAtRisk(tx, u, 10),
      recentActivity: act.rows.map((a) => ({
        kind: a.kind,
        id: a.id,
        at: new Date(a.at).toISOString(),
        contactId: a.contact_id,
        contactName: a.name,
        title: a.title ?? "",
      })),
      recentContacts: await summariesFor(tx, u, recent),
    };
  });
}
