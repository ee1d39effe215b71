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
};

/**
 * Contacts due for contact: the last interaction (any imported email, calendar session or
 * logged call/session — whatever moved contacts.last_interaction_at) is older than the
 * rhythm, counted in local days. The rhythm is the contact's own, else the shortest of its
 * stage and tag defaults. Derived on every read, so any new interaction resets it.
 *
 * Shape for speed: one arm for own rhythms, two for all stages together (a VALUES list of
 * stages with their cut-offs, computed here in the user's zone, joined to a LATERAL ordered
 * range scan per stage) and two per tag rhythm. Each stops after `limit + 1` due rows per
 * rhythm, so execution does not grow with the number of due contacts, and planning no
 * longer grows with the number of stages (one arm pair per stage took ~60 ms to plan under
 * load). Oldest last interaction first,
 * contacts never contacted after them; `more` says whether the list was cut.
 */
export async function findDueContacts(
  tx: Tx,
  userId: string,
  config: RhythmConfig,
  q: DueQuery,
): Promise<{ items: DueContact[]; more: boolean }> {
  if (!hasRhythms(config)) return { items: [], more: false };
  const margin = q.marginDays ?? 0;
  const cut = (days: number) => sql`${dueCutoff(days, q.today, q.tz, margin).toISOString()}::timestamptz`;
  const now = sql`${q.now.toISOString()}::timestamptz`;
  // No own rhythm (it overrides the defaults) and not snoozed: one probe of the same row.
  const free = sql`NOT EXISTS (SELECT 1 FROM contact_rhythms r WHERE r.contact_id = c.id
    AND (r.every_days IS NOT NULL OR r.snoozed_until > ${now}))`;
  const live = sql`c.user_id = ${userId} AND c.deleted_at IS NULL`;
  const stageFilter = q.stages
    ? sql`AND c.stage IN (${sql.join(
        q.stages.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql``;
  // Each branch returns at most `take` rows per rhythm, oldest first (contacts never
  // contacted by their creation), so the merged answer never needs every due contact.
  const take = q.limit + 1;
  const cols = (days: SQL, kind: string, name: SQL) =>
    // Everything the answer shows comes from the branch's own read of the row: no second
    // lookup of each listed contact afterwards.
    sql`c.id, c.last_interaction_at AS last, c.created_at AS created, ${days} AS days, ${kind}::text AS kind, ${name} AS name,
      c.display_name, c.stage, c.avatar_path, c.updated_at`;
  const values = (rows: SQL[]) => sql`(VALUES ${sql.join(rows, sql`, `)})`;
  const branches: SQL[] = [];
  if (config.contactDays.length)
    // Own rhythms are few (set by hand): driven from contact_rhythms, one pkey probe each;
    // the row itself says whether it is snoozed.
    branches.push(sql`(SELECT ${cols(sql`r.every_days`, "contact", sql`NULL::text`)}
      FROM contact_rhythms r
      JOIN ${values(config.contactDays.map((d) => sql`(${d}::int, ${cut(d)})`))} th(days, before) ON th.days = r.every_days
      JOIN contacts c ON c.id = r.contact_id
      WHERE r.user_id = ${userId} AND ${live} AND (r.snoozed_until IS NULL OR r.snoozed_until <= ${now})
        AND coalesce(c.last_interaction_at, c.created_at) < th.before ${stageFilter}
      ORDER BY c.last_interaction_at ASC NULLS LAST, c.created_at ASC LIMIT ${take})`);
  if (config.stages.length) {
    // Every stage in one branch: a LATERAL ordered range scan of
    // (user_id, stage, last_interaction_at) per stage, each stopping after `take` rows.
    // One branch whatever the number of stages keeps planning time flat (it was one
    // UNION arm per stage and rhythm: ~60 ms of planning under load).
    const st = values(
      config.stages.map((x) => sql`(${x.stage}::text, ${x.everyDays}::int, ${cut(x.everyDays)})`),
    );
    const pick = cols(sql`s.days`, "stage", sql`s.stage`);
    branches.push(
      sql`(SELECT x.* FROM ${st} s(stage, days, before) CROSS JOIN LATERAL (
        SELECT ${pick} FROM contacts c WHERE ${live} AND c.stage = s.stage AND c.last_interaction_at < s.before
          AND ${free} ${stageFilter} ORDER BY c.last_interaction_at ASC LIMIT ${take}) x)`,
      sql`(SELECT x.* FROM ${st} s(stage, days, before) CROSS JOIN LATERAL (
        SELECT ${pick} FROM contacts c WHERE ${live} AND c.stage = s.stage AND c.last_interaction_at IS NULL
          AND c.created_at < s.before AND ${free} ${stageFilter} ORDER BY c.created_at ASC LIMIT ${take}) x)`,
    );
  }
  // Tags keep an arm pair each, with the tag id as a literal: the planner then uses that
  // tag's statistics to pick between walking (user_id, last_interaction_at) oldest-first
  // with a contact_tags probe (a common tag: stops after `take` rows, ~2 ms at 1 in 20
  // contacts) and reading the tag's rows (a rare tag). Users set few tag rhythms.
  for (const t of config.tags) {
    const pick = cols(sql`${t.everyDays}::int`, "tag", sql`${t.name}::text`);
    const from = sql`FROM contact_tags ct JOIN contacts c ON c.id = ct.contact_id
      WHERE ct.user_id = ${userId} AND ct.tag_id = ${t.tagId}::uuid AND ${live} AND ${free} ${stageFilter}`;
    branches.push(
      sql`(SELECT ${pick} ${from} AND c.last_interaction_at < ${cut(t.everyDays)}
        ORDER BY c.last_interaction_at ASC LIMIT ${take})`,
      sql`(SELECT ${pick} ${from} AND c.last_interaction_at IS NULL AND c.created_at < ${cut(t.everyDays)}
        ORDER BY c.created_at ASC LIMIT ${take})`,
    );
  }
  // A contact due under several rhythms is listed once, under its shortest.
  const r = await tx.execute<Row>(sql`
    SELECT d.id, d.days, d.kind, d.name, d.display_name, d.stage, d.avatar_path,
      (extract(epoch FROM d.updated_at) * 1000)::float8 AS updated_ms,
      (extract(epoch FROM d.last) * 1000)::float8 AS last_ms,
      (extract(epoch FROM d.created) * 1000)::float8 AS created_ms
    FROM (SELECT DISTINCT ON (id) * FROM (${sql.join(branches, sql` UNION ALL `)}) u ORDER BY id, days ASC) d
    ORDER BY d.last ASC NULLS LAST, d.created ASC, d.id
    LIMIT ${take}`);
  const more = r.rows.length > q.limit;
  r.rows.splice(q.limit);
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
  return { items, more };
}
