import type { JobCtx } from "../jobs/define-job";

/**
 * The google_gmail_sync / google_calendar_sync jobs: an import or incremental sync, then
 * (on success) keep the push registration alive for that service, on the same Google
 * session (the job reads the stored tokens once).
 */
export async function runGoogleSync(
  ctx: JobCtx,
  input: { service: "gmail" | "calendar"; incremental: boolean },
): Promise<void> {
  let session;
  if (input.service === "gmail") {
    const { syncGmail } = await import("./sync-gmail");
    session = await syncGmail(ctx, { batchId: ctx.batchId, incremental: input.incremental });
  } else {
    const { syncCalendar } = await import("./sync-calendar");
    session = await syncCalendar(ctx, { batchId: ctx.batchId, incremental: input.incremental });
  }
  const { ensurePushWatchQuietly } = await import("./push/ensure-push-watch");
  await ensurePushWatchQuietly(ctx, input.service, session ?? undefined);
}
