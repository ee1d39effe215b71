import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { avatarUrl } from "../contacts/contact-dto";
import { daysBetween, localDateOf } from "../followups/local-time";
import { dueCutoff, dueFrom } from "./rhythm-math";
import { hasRhythms, type RhythmConfig } from "./rhythm-config";
import type { DueContact } from "./schemas";

export type DueQuery = {
  tz: string;
  today: string;
  now: Date;
  limit: number;
  /** Only contacts overdue by more than this many days (the at-risk margin). */
  marginDays?: number;
  /** Only contacts in these stages. */
  stages?: readonly string[];
};

type Row = {
  id: string;
  days: number;
  kind: "contact" | "stage" | "tag";
  name: string | null;
  display_name: string;
  stage: string;
  avatar_path: string | null;
  updated_ms: number;
  last_ms: number | null;
  created_ms: number;
  total: number;
};

/**
 * Contacts due for contact: the last interaction (any imported email, calendar session or
 * logged call/session — whatever moved contacts.last_interaction_at) is older than the
 * rhythm, counted in local days. The rhythm is the contact's own, else the shortest of its
 * stage and tag defaults. Derived on every read, so any new interaction resets it.
 *
 * Shape for speed: one branch per configured rhythm, each a range scan on an index
 * ((user_id, stage, last_interaction_at) for stages, the tag's contact_tags rows for tags)
 * that yields only due rows; the cut-off of each rhythm is computed here, in the user's zone.
 */
export async function findDueContacts(
  tx: Tx,
  userId: string,
  config: RhythmConfig,
  q: DueQuery,
): Promise<{ items: DueContact[]; total: number }> {
  if (!hasRhythms(config)) return { items: [], total: 0 };
  const margin = q.marginDays ?? 0;
  const cut = (days: number) => dueCutoff(days, q.today, q.tz, margin).toISOString();
  const older = (before: string): SQL =>
    sql`(c.last_interaction_at < ${before}::timestamptz OR (c.last_interaction_at IS NULL AND c.created_at < ${before}::timestamptz))`;
  const noOverride = sql`NOT EXISTS (SELECT 1 FROM contact_rhythms r WHERE r.contact_id = c.id AND r.every_days IS NOT NULL)`;
  const live = sql`c.user_id = ${userId} AND c.deleted_at IS NULL`;
  const branches: SQL[] = [];
  if (config.contactDays.length) {
    const th = sql.join(
      config.contactDays.map((d) => sql`(${d}::int, ${cut(d)}::timestamptz)`),
      sql`, `,
    );
    branches.push(sql`SELECT c.id, r.every_days AS days, 'contact' AS kind, NULL::text AS name
      FROM contact_rhythms r JOIN (VALUES ${th}) th(days, before) ON th.days = r.every_days
      JOIN contacts c ON c.id = r.contact_id
      WHERE r.user_id = ${userId} AND ${live}
        AND (c.last_interaction_at < th.before OR (c.last_interaction_at IS NULL AND c.created_at < th.before))`);
  }
  for (const s of config.stages)
    branches.push(sql`SELECT c.id, ${s.everyDays}::int AS days, 'stage' AS kind, ${s.stage}::text AS name FROM contacts c
      WHERE ${live} AND c.stage = ${s.stage} AND ${older(cut(s.everyDays))} AND ${noOverride}`);
  for (const t of config.tags)
    branches.push(sql`SELECT c.id, ${t.everyDays}::int AS days, 'tag' AS kind, ${t.name}::text AS name
      FROM contact_tags ct JOIN contacts c ON c.id = ct.contact_id
      WHERE ct.user_id = ${userId} AND ct.tag_id = ${t.tagId}::uuid AND ${live}
        AND ${older(cut(t.everyDays))} AND ${noOverride}`);
  const stageFilter = q.stages
    ? sql`AND c.stage IN (${sql.join(
        q.stages.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql``;
  const r = await tx.execute<Row>(sql`
    SELECT d.id, d.days, d.kind, d.name, c.display_name, c.stage, c.avatar_path,
      (extract(epoch FROM c.updated_at) * 1000)::float8 AS updated_ms,
      (extract(epoch FROM c.last_interaction_at) * 1000)::float8 AS last_ms,
      (extract(epoch FROM c.created_at) * 1000)::float8 AS created_ms, count(*) OVER ()::int AS total
    FROM (SELECT DISTINCT ON (id) id, days, kind, name FROM (${sql.join(branches, sql` UNION ALL `)}) u
          ORDER BY id, days ASC) d
    JOIN contacts c ON c.id = d.id
    WHERE NOT EXISTS (SELECT 1 FROM contact_rhythms s WHERE s.contact_id = d.id AND s.snoozed_until > ${q.now.toISOString()}::timestamptz)
      ${stageFilter}
    ORDER BY coalesce(c.last_interaction_at, c.created_at) ASC, c.id
    LIMIT ${q.limit}`);
  const items = r.rows.map((x): DueContact => {
    const ref = new Date(Number(x.last_ms ?? x.created_ms));
    const dueOn = dueFrom(ref, Number(x.days), q.tz);
    return {
      contactId: x.id,
      displayName: x.display_name,
      stage: x.stage,
      avatarUrl: avatarUrl({
        id: x.id,
        avatarPath: x.avatar_path,
        updatedAt: new Date(Number(x.updated_ms)),
      }),
      lastInteractionAt: x.last_ms === null ? null : new Date(Number(x.last_ms)).toISOString(),
      everyDays: Number(x.days),
      why: { kind: x.kind, name: x.name },
      daysSince: daysBetween(localDateOf(ref, q.tz), q.today),
      dueOn,
      overdueDays: Math.max(0, daysBetween(dueOn, q.today)),
    };
  });
  return { items, total: r.rows[0] ? Number(r.rows[0].total) : 0 };
}
