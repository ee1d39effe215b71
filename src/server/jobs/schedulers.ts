import type { SystemCtx } from "../context";
import { sweepStaleJobs } from "./sweep-stale-jobs";

/** The periodic Google tick: incremental syncs, then push renewals (both modes run this). */
export async function googleSyncTick(ctx: SystemCtx): Promise<void> {
  const { enqueueScheduledSyncs } = await import("../sync/enqueue-scheduled-syncs");
  await enqueueScheduledSyncs(ctx);
  const { renewPushChannels } = await import("../sync/push/renew-push-channels");
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

/** How often the re-consent check runs (per-user jobs, deduplicated by day). */
export const RECONSENT_TICK_EVERY_MS = 6 * 3_600_000;

/** The re-consent tick (both modes): lazy so the scheduler does not load the forms code. */
export async function reconsentTick(ctx: SystemCtx): Promise<void> {
  const { reconsentTick: tick } = await import("../forms/reconsent-tick");
  await tick(ctx);
}

export type SchedulerOptions = {
  syncEveryMs: number;
  sweepEveryMs?: number;
  staleMs?: number;
  /** BullMQ mode: how often each worker checks the schedulers still exist in Redis. */
  watchEveryMs?: number;
};

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
  const reconsent = setInterval(
    guard("reconsent", () => reconsentTick(ctx)),
    RECONSENT_TICK_EVERY_MS,
  );
  reconsent.unref();
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
    clearInterval(reconsent);
    clearTimeout(backfillFirst);
    clearInterval(backfillEvery);
  };
}
