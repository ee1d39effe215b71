import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { withUser } from "../../db/with-user";
import type { SearchHit } from "./types";

function words(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1).slice(0, 12);
}

/**
 * Keyword half of search: Postgres full-text (any query word, ranked by ts_rank, English
 * stemming) over interactions and notes, plus substring/trigram matching on contact names
 * and emails. Kept here until the search domain's keyword search is shared.
 */
export async function keywordHits(ctx: Ctx, q: string, limit: number): Promise<SearchHit[]> {
  const w = words(q);
  if (!w.length) return [];
  const tsq = w.join(" | ");
  const like = `%${q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const r = await withUser(ctx.db, ctx.userId, (tx) =>
    tx.execute<{
      type: SearchHit["type"];
      id: string;
      contact_id: string | null;
      title: string;
      snippet: string;
      score: number;
    }>(sql`
      (SELECT 'contact' AS type, c.id, c.id AS contact_id, c.display_name AS title, c.stage AS snippet,
         (1 + similarity(lower(c.display_name), ${q.toLowerCase()}))::float8 AS score
       FROM contacts c
       WHERE c.user_id = ${ctx.userId} AND c.deleted_at IS NULL
         AND (lower(c.display_name) LIKE ${like} OR lower(c.display_name) % ${q.toLowerCase()}
           OR EXISTS (SELECT 1 FROM contact_identities i WHERE i.contact_id = c.id AND i.value_normalized LIKE ${like}))
       LIMIT ${limit})
      UNION ALL
      (SELECT 'interaction', i.id,
         (SELECT ic.contact_id FROM interaction_contacts ic WHERE ic.interaction_id = i.id LIMIT 1),
         coalesce(i.subject, i.type || ' ' || to_char(i.occurred_at, 'YYYY-MM-DD')),
         left(coalesce(i.summary, i.body, ''), 200),
         ts_rank(to_tsvector('english', coalesce(i.subject, '') || ' ' || coalesce(i.body, '') || ' ' || coalesce(i.summary, '')),
                 to_tsquery('english', ${tsq}))::float8
       FROM interactions i
       WHERE i.user_id = ${ctx.userId}
         AND to_tsvector('english', coalesce(i.subject, '') || ' ' || coalesce(i.body, '') || ' ' || coalesce(i.summary, ''))
             @@ to_tsquery('english', ${tsq})
       ORDER BY 6 DESC LIMIT ${limit})
      UNION ALL
      (SELECT 'note', n.id, n.contact_id, 'Note', left(n.body, 200),
         ts_rank(to_tsvector('english', n.body), to_tsquery('english', ${tsq}))::float8
       FROM notes n
       WHERE n.user_id = ${ctx.userId} AND to_tsvector('english', n.body) @@ to_tsquery('english', ${tsq})
       ORDER BY 6 DESC LIMIT ${limit})`),
  );
  return r.rows
    .map((h) => ({
      type: h.type,
      id: h.id,
      contactId: h.contact_id,
      title: h.title,
      snippet: h.snippet,
      score: Number(h.score),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
