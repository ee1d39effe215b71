import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { registerHandler } from "../jobs/registry";
import { linkParticipants } from "./resolve-contacts";

let registered = false;

/**
 * Supplies the sync domain's handlers for the Google job kinds defined in
 * src/server/jobs/definitions. Call once at start-up of every process that runs jobs
 * (worker, embedded runner, tests). Modules load lazily so the web bundle stays small.
 */
export function registerSyncHandlers(): void {
  if (registered) return;
  registered = true;
  registerHandler("google_gmail_sync", async (ctx, p) => {
    const { syncGmail } = await import("./sync-gmail");
    await syncGmail(ctx, { batchId: ctx.batchId, incremental: p.incremental });
    await ensurePushAfterSync(ctx, "gmail");
  });
  registerHandler("google_calendar_sync", async (ctx, p) => {
    const { syncCalendar } = await import("./sync-calendar");
    await syncCalendar(ctx, { batchId: ctx.batchId, incremental: p.incremental });
    await ensurePushAfterSync(ctx, "calendar");
  });
  registerHandler("normalize_google_email", async (ctx, p) => {
    const { renormalizeRawEvents } = await import("./renormalize-raw-events");
    await renormalizeRawEvents(ctx, { provider: "gmail", rawEventIds: p.rawEventIds });
  });
  registerHandler("normalize_google_event", async (ctx, p) => {
    const { renormalizeRawEvents } = await import("./renormalize-raw-events");
    await renormalizeRawEvents(ctx, { provider: "calendar", rawEventIds: p.rawEventIds });
  });
  registerHandler("resolve_contacts", async (ctx, p) => {
    // Re-links interactions to contacts by participant email (e.g. after a contact gained an email).
    await withUser(ctx.db, ctx.userId, async (tx) => {
      if (p.interactionIds?.length) {
        const { sql } = await import("drizzle-orm");
        const r = await tx.execute<{ source: string; source_id: string }>(
          sql`SELECT source, source_id FROM interactions WHERE user_id = ${ctx.userId} AND id = ANY(${`{${p.interactionIds.join(",")}}`}::uuid[])`,
        );
        const bySource = new Map<string, string[]>();
        for (const row of r.rows)
          bySource.set(row.source, [...(bySource.get(row.source) ?? []), row.source_id]);
        for (const [source, sourceIds] of bySource)
          await linkParticipants(tx, ctx.userId, { source, sourceIds });
      } else {
        for (const source of ["gmail", "calendar"]) await linkAll(tx, ctx.userId, source);
      }
    });
  });
}

async function linkAll(tx: Parameters<typeof linkParticipants>[0], userId: string, source: string) {
  const { sql } = await import("drizzle-orm");
  const r = await tx.execute<{ source_id: string }>(
    sql`SELECT source_id FROM interactions WHERE user_id = ${userId} AND source = ${source}`,
  );
  const ids = r.rows.map((x) => x.source_id);
  for (let i = 0; i < ids.length; i += 1000)
    await linkParticipants(tx, userId, { source, sourceIds: ids.slice(i, i + 1000) });
}

/** A successful sync (the approved import, then every incremental run) keeps push registered. */
async function ensurePushAfterSync(ctx: Ctx, service: "gmail" | "calendar") {
  const { ensurePushWatchQuietly } = await import("../google/push/ensure-push-watch");
  await ensurePushWatchQuietly(ctx, service);
}
