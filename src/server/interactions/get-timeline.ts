import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { requireContact } from "../contacts/require-contact";
import { decodeCursor, encodeCursor } from "../contacts/cursor";
import { timelineQuery, type TimelineItem } from "./schemas";
import type { z } from "zod";

type Row = {
  kind: "interaction" | "note";
  id: string;
  at: string;
  k: string;
  type: string | null;
  source: string | null;
  subject: string | null;
  snippet: string | null;
  summary: string | null;
  direction: string | null;
  link: string | null;
  body: string | null;
  pinned: boolean | null;
  updated_at: string | null;
};

const iso = (v: unknown) => new Date(v as string).toISOString();

/** A contact's interactions and notes merged newest first, keyset-paginated on (at, id). */
export async function getTimeline(
  ctx: Ctx,
  input: { contactId: string } & z.input<typeof timelineQuery>,
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const q = timelineQuery.parse(input);
  const userId = ctx.userId;
  const c = q.cursor ? decodeCursor(q.cursor) : null;
  const after = (at: string, id: string) =>
    c ? sql`AND (${sql.raw(at)}, ${sql.raw(id)}) < (${c.k}::timestamptz, ${c.id}::uuid)` : sql``;
  return withUser(ctx, async (tx) => {
    await requireContact(tx, userId, input.contactId);
    // Each branch is limited before the union so a contact with 10k emails stays cheap.
    const r = await tx.execute<Row>(sql`
      SELECT * FROM (
        (SELECT 'interaction' AS kind, i.id, ic.occurred_at AS at, ic.occurred_at::text AS k, i.type, i.source,
           i.subject, left(i.body, 280) AS snippet, i.summary, i.direction,
           CASE WHEN i.source = 'drive' THEN i.metadata->>'webViewLink' END AS link,
           NULL::text AS body, NULL::boolean AS pinned, NULL::timestamptz AS updated_at
         FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id
         WHERE ic.contact_id = ${input.contactId} AND ic.user_id = ${userId} AND i.user_id = ${userId}
           ${after("ic.occurred_at", "i.id")}
         ORDER BY ic.occurred_at DESC, i.id DESC LIMIT ${q.limit + 1})
        UNION ALL
        (SELECT 'note', n.id, n.created_at, n.created_at::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           n.body, n.pinned, n.updated_at
         FROM notes n WHERE n.contact_id = ${input.contactId} AND n.user_id = ${userId}
           ${after("n.created_at", "n.id")}
         ORDER BY n.created_at DESC, n.id DESC LIMIT ${q.limit + 1})
      ) t ORDER BY at DESC, id DESC LIMIT ${q.limit + 1}`);
    const rows = r.rows.slice(0, q.limit);
    const last = rows[rows.length - 1];
    const items: TimelineItem[] = rows.map((x) =>
      x.kind === "note"
        ? {
            kind: "note",
            id: x.id,
            at: iso(x.at),
            body: x.body ?? "",
            pinned: !!x.pinned,
            updatedAt: iso(x.updated_at),
          }
        : {
            kind: "interaction",
            id: x.id,
            at: iso(x.at),
            type: x.type as "email",
            source: x.source ?? "",
            subject: x.subject,
            snippet: x.snippet,
            summary: x.summary,
            direction: x.direction,
            link: x.link,
          },
    );
    return {
      items,
      nextCursor: r.rows.length > q.limit && last ? encodeCursor({ k: last.k, id: last.id }) : null,
    };
  });
}
