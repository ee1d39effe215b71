import { sql } from "drizzle-orm";
import type { SystemCtx } from "../context";
import { withSystem } from "../db/with-user";
import { enqueue } from "../jobs/enqueue";
import { digestDueDate } from "./digest-schedule";
import { STALE_CLAIM_MS } from "./send-digest";

/**
 * One scheduler tick (both queue modes): for every user with the digest on whose local
 * digest hour has come and who has no digest row for that local date yet (or only a claim
 * whose run died STALE_CLAIM_MS ago, and that no retry took over), enqueue one
 * send job keyed by the date (a tick never piles a second job onto a live one; the
 * job's own claim makes the mail exactly-once).
 */
export async function digestTick(ctx: SystemCtx, now: Date = new Date(), o: { onlyUserIds?: string[] } = {}) {
  const only = o.onlyUserIds ? sql`AND s.user_id = ANY(${`{${o.onlyUserIds.join(",")}}`}::uuid[])` : sql``;
  const users = await withSystem(ctx.db, (tx) =>
    tx.execute<{ user_id: string; tz: string; hour: number }>(sql`
      SELECT s.user_id, coalesce(p.time_zone, 'UTC') AS tz, s.digest_hour AS hour
      FROM followup_settings s LEFT JOIN user_profiles p ON p.user_id = s.user_id
      WHERE s.digest_enabled ${only}`),
  );
  const due = users.rows.flatMap((u) => {
    const localDate = digestDueDate(now, u.tz, Number(u.hour));
    return localDate ? [{ userId: u.user_id, localDate }] : [];
  });
  if (!due.length) return { enqueued: 0 };
  const done = await withSystem(ctx.db, (tx) =>
    tx.execute<{ user_id: string }>(
      sql`SELECT user_id FROM digest_sends WHERE (user_id, local_date) IN (${sql.join(
        due.map((d) => sql`(${d.userId}::uuid, ${d.localDate}::date)`),
        sql`, `,
      )}) AND NOT (status = 'sending' AND claimed_at < ${new Date(now.getTime() - STALE_CLAIM_MS).toISOString()}::timestamptz)`,
    ),
  );
  const skip = new Set(done.rows.map((r) => r.user_id));
  let enqueued = 0;
  for (const d of due) {
    if (skip.has(d.userId)) continue;
    const r = await enqueue(
      { db: ctx.db, userId: d.userId, log: ctx.log },
      "send_digest",
      { localDate: d.localDate },
      { dedupeKey: `digest:${d.localDate}` },
    );
    if (!r.deduped) enqueued++;
  }
  if (enqueued) ctx.log.info({ enqueued }, "morning digests enqueued");
  return { enqueued };
}
