import { sql } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { addDays, startOfLocalDay } from "../followups/local-time";
import type { Today } from "./schemas";

type Row = {
  id: string;
  at_ms: number;
  subject: string | null;
  type: string;
  contact_id: string | null;
  name: string | null;
  note: string | null;
};

/** Calendar sessions and meetings on a local day, each with its clients' latest note line. */
export async function findSessionsOn(
  tx: Tx,
  userId: string,
  o: { day: string; tz: string; limit: number },
): Promise<Today["sessions"]> {
  const from = startOfLocalDay(o.day, o.tz).toISOString();
  const to = startOfLocalDay(addDays(o.day, 1), o.tz).toISOString();
  const r = await tx.execute<Row>(sql`
    SELECT s.id, (extract(epoch FROM s.occurred_at) * 1000)::float8 AS at_ms, s.subject, s.type,
      c.id AS contact_id, c.display_name AS name, n.body AS note
    FROM (SELECT id, occurred_at, subject, type FROM interactions
          WHERE user_id = ${userId} AND type IN ('session', 'meeting')
            AND occurred_at >= ${from}::timestamptz AND occurred_at < ${to}::timestamptz
          ORDER BY occurred_at LIMIT ${o.limit}) s
    LEFT JOIN interaction_contacts ic ON ic.interaction_id = s.id
    LEFT JOIN contacts c ON c.id = ic.contact_id AND c.deleted_at IS NULL
    LEFT JOIN LATERAL (SELECT left(body, 400) AS body FROM notes
      WHERE notes.contact_id = c.id AND notes.user_id = ${userId}
      ORDER BY created_at DESC LIMIT 1) n ON true
    ORDER BY s.occurred_at, s.id, c.display_name`);
  const byId = new Map<string, Today["sessions"][number]>();
  for (const x of r.rows) {
    let s = byId.get(x.id);
    if (!s) {
      s = {
        id: x.id,
        startsAt: new Date(Number(x.at_ms)).toISOString(),
        title: x.subject,
        type: x.type,
        contacts: [],
      };
      byId.set(x.id, s);
    }
    if (x.contact_id && x.name)
      s.contacts.push({ id: x.contact_id, displayName: x.name, lastNote: firstLine(x.note) });
  }
  return [...byId.values()];
}

function firstLine(body: string | null): string | null {
  if (!body) return null;
  const line = body.split("\n").find((l) => l.trim()) ?? "";
  const clean = line.replace(/^[#>*\-\s]+/, "").trim();
  return clean ? clean.slice(0, 160) : null;
}
