import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import type { SystemCtx } from "../context";
import { withSystem } from "../db/with-user";
import { enqueue } from "./enqueue";
import { sweepStaleJobs } from "./sweep-stale-jobs";

export const SCHEDULED_SYNC_KEY = "scheduled-incremental";

/** Accounts with a live push registration are still polled when their last sync is this old. */
export const PUSH_SAFETY_POLL_HOURS = 6;

/**
 * One tick of the periodic sync: an incremental Gmail/Calendar sync job for every connected
 * account whose feature is on (accounts on push only every PUSH_SAFETY_POLL_HOURS). The
 * dedupe key means a tick never piles a second job onto one that is still queued or running.
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
  // With push live for an account, polling only runs as a slow safety net.
  const r = await withSystem(ctx.db, (tx) =>
    tx.execute<{ user_id: string; service: "gmail" | "calendar" }>(sql`SELECT i.user_id, i.service
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
    const kind = row.service === "gmail" ? "google_gmail_sync" : "google_calendar_sync";
    const res = await enqueue(target, kind, { incremental: true }, { dedupeKey: SCHEDULED_SYNC_KEY });
    if (!res.deduped) created++;
  }
  if (created) ctx.log.info({ created }, "scheduled incremental syncs enqueued");
  return created;
}

/** The periodic Google tick: incremental syncs, then push renewals (both modes run this). */
export async function googleSyncTick(ctx: SystemCtx): Promise<void> {
  await enqueueScheduledSyncs(ctx);
  const { renewPushChannels } = await import("../google/push/renew-push-channels");
  await renewPushChannels(ctx);
}

/** How often the embedding backfill looks for content with no embedding (first run soon after start). */
export const EMBED_BACKFILL_EVERY_MS = 6 * 3_600_000;
const EMBED_BACKFILL_FIRST_DELAY_MS = 60_000;

/** The embedding backfill tick (both modes): lazy so processes without AI never load it. */
export async function embeddingBackfillTick(ctx: SystemCtx): Promise<void> {
  const { embeddingBackfillTick: tick } = await import("../ai/embeddings/embedding-backfill-tick");
  await tick(ctx);
}

/** How often the morning-digest tick runs (it enqueues per-user jobs whose local hour has come). */
export const DIGEST_TICK_EVERY_MS = 5 * 60_000;

/** The morning-digest tick (both modes): lazy so the scheduler does not load the digest code. */
export async function digestTick(ctx: SystemCtx): Promise<void> {
  const { digestTick: tick } = await import("../digest/digest-tick");
  await tick(ctx);
}

export type SchedulerOptions = { syncEveryMs: number; sweepEveryMs?: number; staleMs?: number };

/** Embedded mode: timers in the web process. Returns a stop function. */
export function startEmbeddedSchedulers(ctx: SystemCtx, o: SchedulerOptions): () => void {
  const guard = (name: string, fn: () => Promise<unknown>) => () => {
    fn().catch((e: unknown) => ctx.log.error({ err: e, scheduler: name }, "scheduled task failed"));
  };
  const sync = setInterval(
    guard("google-sync", () => googleSyncTick(ctx)),
    o.syncEveryMs,
  );
  const sweep = setInterval(
    guard("sweeper", () => sweepStaleJobs(ctx, { staleMs: o.staleMs })),
    o.sweepEveryMs ?? 30_000,
  );
  const digest = setInterval(
    guard("digest", () => digestTick(ctx)),
    DIGEST_TICK_EVERY_MS,
  );
  digest.unref();
  // Once shortly after start (a provider configured after an import), then now and then.
  const backfill = guard("embedding-backfill", () => embeddingBackfillTick(ctx));
  let backfillEvery: ReturnType<typeof setInterval> | undefined;
  const backfillFirst = setTimeout(() => {
    backfill();
    backfillEvery = setInterval(backfill, EMBED_BACKFILL_EVERY_MS);
    backfillEvery.unref();
  }, EMBED_BACKFILL_FIRST_DELAY_MS);
  sync.unref();
  sweep.unref();
  backfillFirst.unref();
  return () => {
    clearInterval(sync);
    clearInterval(sweep);
    clearInterval(digest);
    clearTimeout(backfillFirst);
    clearInterval(backfillEvery);
  };
}
