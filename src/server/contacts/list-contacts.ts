import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { contactMatch } from "../search/text-query";
import { matchingContactIds } from "../search/candidate-ids";
import { listContactsQuery, type ListContactsQuery } from "./schemas";
import { primaryIdentity, summaryOf, tagRefsJson, type ContactSummary } from "./contact-dto";
import { decodeCursor, encodeCursor } from "./cursor";
import { RESTORE_WINDOW_DAYS } from "./delete-contact";

export type ContactPage = { items: ContactSummary[]; nextCursor: string | null; total: number | null };

function sortKey(sort: string, order: "asc" | "desc"): { expr: SQL; cast: SQL } {
  if (sort === "created") return { expr: sql`contacts.created_at`, cast: sql`timestamptz` };
  if (sort === "last_interaction")
    // Never-contacted people sort last in both directions.
    return {
      expr:
        order === "desc"
          ? sql`coalesce(contacts.last_interaction_at, '-infinity'::timestamptz)`
          : sql`coalesce(contacts.last_interaction_at, 'infinity'::timestamptz)`,
      cast: sql`timestamptz`,
    };
  return { expr: sql`lower(contacts.display_name)`, cast: sql`text` };
}

/** Filtered conditions shared by the list and exports (always scoped to the user). */
export function contactFilters(
  userId: string,
  q: ReturnType<typeof listContactsQuery.parse>,
  qIds?: string[],
): SQL[] {
  const w: SQL[] = [sql`contacts.user_id = ${userId}`];
  if (q.view === "deleted")
    w.push(
      sql`contacts.deleted_at IS NOT NULL AND contacts.merged_into_id IS NULL
          AND contacts.deleted_at > now() - make_interval(days => ${RESTORE_WINDOW_DAYS})`,
    );
  else w.push(sql`contacts.deleted_at IS NULL`);
  if (q.stage?.length)
    w.push(
      sql`contacts.stage IN (${sql.join(
        q.stage.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (q.source?.length)
    w.push(
      sql`contacts.source IN (${sql.join(
        q.source.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (q.tag?.length)
    w.push(sql`EXISTS (SELECT 1 FROM contact_tags ct WHERE ct.contact_id = contacts.id AND ct.user_id = ${userId}
      AND ct.tag_id IN (${sql.join(
        q.tag.map((t) => sql`${t}::uuid`),
        sql`, `,
      )}))`);
  if (q.noContactInDays)
    w.push(sql`(contacts.last_interaction_at IS NULL
      OR contacts.last_interaction_at < now() - make_interval(days => ${q.noContactInDays}))`);
  if (q.q && qIds)
    w.push(
      qIds.length
        ? sql`contacts.id IN (${sql.join(
            qIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`false`,
    );
  else if (q.q) w.push(contactMatch(userId, q.q));
  return w;
}

/** Keyset-paginated contact list with sort, filters and name/email/phone search. */
export async function listContacts(ctx: Ctx, raw: ListContactsQuery): Promise<ContactPage> {
  const q = listContactsQuery.parse(raw);
  const order = q.order ?? (q.sort === "name" ? "asc" : "desc");
  const { expr, cast } = sortKey(q.sort, order);
  // Index-driven candidate ids first (see candidate-ids.ts for why not under RLS).
  const qIds = q.q ? await matchingContactIds(ctx, q.q) : undefined;
  const where = contactFilters(ctx.userId, q, qIds);
  const filtersOnly = sql.join(where, sql` AND `);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const cmp = order === "asc" ? sql`>` : sql`<`;
    where.push(sql`(${expr}, contacts.id) ${cmp} (${c.k}::${cast}, ${c.id}::uuid)`);
  }
  const dir = order === "asc" ? sql`ASC` : sql`DESC`;
  // One statement: the page, each row's primary email/phone and tags, and (first page only)
  // the filtered total as an InitPlan. Postgres evaluates the per-row subqueries after the
  // sort and limit (expensive target-list items are postponed past ORDER BY … LIMIT), so they
  // run for the page's rows only. Was four statements (page, count, identities, tags).
  const u = ctx.userId;
  return withUser(ctx, async (tx) => {
    const rows = await tx
      .select({
        row: contacts,
        k: sql<string>`(${expr})::text`,
        email: primaryIdentity(u, "email"),
        phone: primaryIdentity(u, "phone"),
        tags: tagRefsJson(u),
        total: q.cursor
          ? sql<number | null>`NULL::int`
          : sql<number>`(SELECT count(*)::int FROM contacts WHERE ${filtersOnly})`,
      })
      .from(contacts)
      .where(sql.join(where, sql` AND `))
      .orderBy(sql`${expr} ${dir}, contacts.id ${dir}`)
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > q.limit && last ? encodeCursor({ k: last.k, id: last.row.id }) : null;
    // A page with no rows carries no total: count separately (rare: empty or filtered out).
    let total: number | null = null;
    if (!q.cursor)
      total = rows[0]
        ? Number(rows[0].total)
        : ((
            await tx
              .select({ n: sql<number>`count(*)::int` })
              .from(contacts)
              .where(filtersOnly)
          )[0]?.n ?? 0);
    return {
      items: page.map((r) => summaryOf(r.row, r.email, r.phone, r.tags)),
      nextCursor,
      total,
    };
  });
}
