import type { SystemCtx } from "../../context";
import { loadTokens } from "../../google/token-store";
import { ensurePushWatch } from "./ensure-push-watch";
import { deletePushChannel, listExpiringChannels } from "./push-channels";
import { RENEW_BEFORE_MS } from "./push-config";

/**
 * Scheduler tick: re-registers every Calendar channel / Gmail watch that expires within
 * RENEW_BEFORE_MS (Google gives about 7 days), so push never silently lapses. A
 * registration whose integration is gone is forgotten; one that needs reconnecting waits.
 */
export async function renewPushChannels(sys: SystemCtx): Promise<{ renewed: number; failed: number }> {
  const due = await listExpiringChannels(sys, RENEW_BEFORE_MS);
  let renewed = 0;
  let failed = 0;
  for (const row of due) {
    const ctx = { db: sys.db, userId: row.userId, log: sys.log.child({ userId: row.userId }) };
    const tokens = await loadTokens(ctx, row.service);
    if (!tokens) {
      await deletePushChannel(ctx, row.service);
      continue;
    }
    if (tokens.status !== "connected") continue;
    try {
      if ((await ensurePushWatch(ctx, { service: row.service })) === "created") renewed++;
    } catch (e) {
      failed++;
      ctx.log.warn({ err: e, service: row.service }, "google push renewal failed; retried next tick");
    }
  }
  if (renewed || failed) sys.log.info({ renewed, failed }, "google push channels renewed");
  return { renewed, failed };
}
