import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import type { SystemCtx } from "../context";
import { withSystem } from "../db/with-user";
import { enqueue } from "../jobs/enqueue";

export const SCHEDULED_SYNC_KEY = "scheduled-incremental";

/** Accounts with a live push registration are still polled when their last sync is this old. */
export const PUSH_SAFETY_POLL_HOURS = 6;

/**
 * One tick of the periodic sync: an incremental Gmail/Calendar/Drive sync job for every connected
 * account whose feature is on (accounts on push only every PUSH_SAFETY_POLL_HOURS). The
 * dedupe key means a tick never piles a second job onto one that is still queued or running.
 */
export async function enqueueScheduledSyncs(
  ctx: SystemCtx,
  o: { gmail?: boolean; calendar?: boolean; drive?: boolean } = {},
): Promise<number> {
  const e = env();
  const gmail = o.gmail ?? e.FEATURE_GOOGLE_GMAIL_RO;
  const calendar = o.calendar ?? e.FEATURE_GOOGLE_CALENDAR_RO;
  // Drive documents (#20) follow changes.list the same way; a user who never approved a
  // Drive import has no cursor and the job returns at once.
  const drive = o.drive ?? e.FEATURE_GOOGLE_DRIVE;
  const services = [gmail && "gmail", calendar && "calendar", drive && "drive"].filter(Boolean) as string[];
  if (services.length === 0) return 0;
  // With push live for an account, polling only runs as a slow safety net.
  const r = await withSystem(ctx.db, (tx) =>
    tx.execute<{ user_id: string; service: "gmail" | "calendar" | "drive" }>(sql`SELECT i.user_id, i.service
      FROM user_integrations i WHERE i.provider = 'google' AND i.status = 'connected'
        AND i.service IN (${sql.join(
          services.map((s) => sql`${s}`),
          sql`, `,
        )})
        AND NOT (EXISTS (SELECT 1 FROM google_push_channels c WHERE c.user_id = i.user_id
            AND c.service = i.service AND c.expires_at > now())
          AND i.last_sync_at > now() - make_interval(hours => ${PUSH_SAFETY_POLL_HOURS}))`),
  );
  let created = 0;
  for (const row of r.rows) {
    const target = { db: ctx.db, userId: row.user_id, log: ctx.log };
    const kind =
      row.service === "gmail"
        ? "google_gmail_sync"
        : row.service === "drive"
          ? "google_drive_sync"
          : "google_calendar_sync";
    const res = await enqueue(target, kind, { incremental: true }, { dedupeKey: SCHEDULED_SYNC_KEY });
    if (!res.deduped) created++;
  }
  if (created) ctx.log.info({ created }, "scheduled incremental syncs enqueued");
  return created;
}
