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
 * Shape for speed: one branch per configured rhythm (the cut-off of each computed here, in
 * the user's zone), each an ordered range scan — (user_id, stage, last_interaction_at) for a
 * stage, the tag's contact_tags rows for a tag — that stops after `limit + 1` due rows, so
 * the cost does not grow with the number of due contacts. Oldest last interaction first,
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
  const cut = (days: number) => dueCutoff(days, q.today, q.tz, margin).toISOString();
  const noOverride = sql`NOT EXISTS (SELECT 1 FROM contact_rhythms r WHERE r.contact_id = c.id AND r.every_days IS NOT NULL)`;
  const notSnoozed = sql`NOT EXISTS (SELECT 1 FROM contact_rhythms s WHERE s.contact_id = c.id AND s.snoozed_until > ${q.now.toISOString()}::timestamptz)`;
  const live = sql`c.user_id = ${userId} AND c.deleted_at IS NULL`;
  const stageFilter = q.stages
    ? sql`AND c.stage IN (${sql.join(
        q.stages.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql``;
  // Each branch returns at most `take` rows, oldest first (contacts never contacted last), so
  // the merged answer never needs every due contact: the walk stops after `take` index entries.
  const take = q.limit + 1;
  const cols = (days: SQL, kind: string, name: SQL) =>
    sql`c.id, c.last_interaction_at AS last, c.created_at AS created, ${days} AS days, ${kind}::text AS kind, ${name} AS name`;
  const pair = (select: SQL, from: SQL, where: SQL, before: SQL) => [
    sql`(SELECT ${select} ${from} WHERE ${where} AND c.last_interaction_at < ${before}
        AND ${notSnoozed} ${stageFilter} ORDER BY c.last_interaction_at ASC LIMIT ${take})`,
    sql`(SELECT ${select} ${from} WHERE ${where} AND c.last_interaction_at IS NULL AND c.created_at < ${before}
        AND ${notSnoozed} ${stageFilter} ORDER BY c.created_at ASC LIMIT ${take})`,
  ];
  const branches: SQL[] = [];
  if (config.contactDays.length) {
    // Own rhythms are few (set by hand): one branch joins each to its cut-off.
    const th = sql.join(
      config.contactDays.map((d) => sql`(${d}::int, ${cut(d)}::timestamptz)`),
      sql`, `,
    );
    branches.push(
      ...pair(
        cols(sql`r.every_days`, "contact", sql`NULL::text`),
        sql`FROM contact_rhythms r JOIN (VALUES ${th}) th(days, before) ON th.days = r.every_days
          JOIN contacts c ON c.id = r.contact_id`,
        sql`r.user_id = ${userId} AND ${live}`,
        sql`th.before`,
      ),
    );
  }
  for (const s of config.stages)
    branches.push(
      ...pair(
        cols(sql`${s.everyDays}::int`, "stage", sql`${s.stage}::text`),
        sql`FROM contacts c`,
        sql`${live} AND c.stage = ${s.stage} AND ${noOverride}`,
        sql`${cut(s.everyDays)}::timestamptz`,
      ),
    );
  for (const t of config.tags)
    branches.push(
      ...pair(
        cols(sql`${t.everyDays}::int`, "tag", sql`${t.name}::text`),
        sql`FROM contact_tags ct JOIN contacts c ON c.id = ct.contact_id`,
        sql`ct.user_id = ${userId} AND ct.tag_id = ${t.tagId}::uuid AND ${live} AND ${noOverride}`,
        sql`${cut(t.everyDays)}::timestamptz`,
      ),
    );
  // A contact due under several rhythms is listed once, under its shortest.
  const r = await tx.execute<Row>(sql`
    SELECT d.id, d.days, d.kind, d.name, c.display_name, c.stage, c.avatar_path,
      (extract(epoch FROM c.updated_at) * 1000)::float8 AS updated_ms,
      (extract(epoch FROM c.last_interaction_at) * 1000)::float8 AS last_ms,
      (extract(epoch FROM c.created_at) * 1000)::float8 AS created_ms
    FROM (SELECT DISTINCT ON (id) id, last, created, days, kind, name
          FROM (${sql.join(branches, sql` UNION ALL `)}) u ORDER BY id, days ASC) d
    JOIN contacts c ON c.id = d.id
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
