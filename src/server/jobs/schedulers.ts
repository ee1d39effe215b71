import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import type { SystemCtx } from "../context";
import { withSystem } from "../db/with-user";
import { enqueue } from "./enqueue";
import { sweepStaleJobs } from "./sweep-stale-jobs";

export const SCHEDULED_SYNC_KEY = "scheduled-incremental";

/**
 * One tick of the periodic sync: an incremental Gmail/Calendar sync job for every connected
 * account whose feature is on. The dedupe key means a tick never piles a second job onto
 * one that is still queued or running.
 */
export async function enqueueScheduledSyncs(
  ctx: SystemCtx,
  o: { gmail?: boolean; calendar?: boolean } = {},
): Promise<number> {
  const e = env();
  const gmail = o.gmail ?? e.FEATURE_GOOGLE_GMAIL_RO;
  const calendar = o.calendar ?? e.FEATURE_GOOGLE_CALENDAR_RO;
  const services = [gmail && "gmail", calendar && "calendar"].filter(Boolean) as string[];
  if (services.length === 0) return 0;
  const r = await withSystem(ctx.db, (tx) =>
    tx.execute<{ user_id: string; service: "gmail" | "calendar" }>(sql`SELECT user_id, service
      FROM user_integrations WHERE provider = 'google' AND status = 'connected'
        AND service IN (${sql.join(
          services.map((s) => sql`${s}`),
          sql`, `,
        )})`),
  );
  let created = 0;
  for (const row of r.rows) {
    const target = { db: ctx.db, userId: row.user_id, log: ctx.log };
    const kind = row.service === "gmail" ? "google_gmail_sync" : "google_calendar_sync";
    const res = await enqueue(target, kind, { incremental: true }, { dedupeKey: SCHEDULED_SYNC_KEY });
    if (!res.deduped) created++;
  }
  if (created) ctx.log.info({ created }, "scheduled incremental syncs enqueued");
  return created;
}

export type SchedulerOptions = { syncEveryMs: number; sweepEveryMs?: number; staleMs?: number };

/** Embedded mode: timers in the web process. Returns a stop function. */
export function startEmbeddedSchedulers(ctx: SystemCtx, o: SchedulerOptions): () => void {
  const guard = (name: string, fn: () => Promise<unknown>) => () => {
    fn().catch((e: unknown) => ctx.log.error({ err: e, scheduler: name }, "scheduled task failed"));
  };
  const sync = setInterval(
    guard("google-sync", () => enqueueScheduledSyncs(ctx)),
    o.syncEveryMs,
  );
  const sweep = setInterval(
    guard("sweeper", () => sweepStaleJobs(ctx, { staleMs: o.staleMs })),
    o.sweepEveryMs ?? 30_000,
  );
  sync.unref();
  sweep.unref();
  return () => {
    clearInterval(sync);
    clearInterval(sweep);
  };
}
