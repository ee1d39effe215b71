import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";

export type UpcomingSession = {
  id: string;
  startsAt: string;
  subject: string | null;
  contactId: string | null;
  contactName: string | null;
};

/** Future calendar interactions (meetings, sessions) within the next `days`, with who attends. */
export async function listUpcomingSessions(ctx: Ctx, input: { days: number }): Promise<UpcomingSession[]> {
  const r = await withUser(ctx, (tx) =>
    tx.execute<{
      id: string;
      occurred_at: string;
      subject: string | null;
      contact_id: string | null;
      name: string | null;
    }>(sql`
      SELECT i.id, i.occurred_at::text, i.subject, c.id AS contact_id, c.display_name AS name
      FROM interactions i
      LEFT JOIN interaction_contacts ic ON ic.interaction_id = i.id
      LEFT JOIN contacts c ON c.id = ic.contact_id AND c.deleted_at IS NULL
      WHERE i.user_id = ${ctx.userId} AND i.type IN ('meeting', 'session')
        AND i.occurred_at > now() AND i.occurred_at < now() + make_interval(days => ${input.days})
      ORDER BY i.occurred_at ASC LIMIT 50`),
  );
  return r.rows.map((s) => ({
    id: s.id,
    startsAt: s.occurred_at,
    subject: s.subject,
    contactId: s.contact_id,
    contactName: s.name,
  }));
}
