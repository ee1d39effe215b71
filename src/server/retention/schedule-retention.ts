import { env } from "@/lib/env";
import type { SystemCtx } from "../context";
import { defaultRetention, runRetention } from "./run-retention";

const DAY_MS = 86_400_000;
const g = globalThis as unknown as { __omnicrmRetentionTimer?: NodeJS.Timeout };

/**
 * Runs the retention purge a minute after start-up and then daily, in whichever process
 * calls it. No cross-instance lock is needed: the purge is idempotent and batched, so
 * two instances purging at once only find less to delete.
 */
export function scheduleRetention(ctx: SystemCtx, firstDelayMs = 60_000): void {
  if (g.__omnicrmRetentionTimer) return;
  const tick = async () => {
    try {
      await runRetention(ctx, defaultRetention(env().RETENTION_RAW_EVENTS_DAYS));
    } catch (e) {
      ctx.log.error({ err: e }, "retention purge failed");
    }
  };
  g.__omnicrmRetentionTimer = setTimeout(() => {
    void tick();
    g.__omnicrmRetentionTimer = setInterval(() => void tick(), DAY_MS).unref();
  }, firstDelayMs).unref();
}
