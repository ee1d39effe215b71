import { GoogleError } from "../google/errors";
import { labelQuery } from "../google/gmail/fetch-messages";
import { gmailGetProfile, gmailListMessageIds } from "../google/gmail/gmail-reads";
import type { GmailSession } from "../google/gmail/gmail-session";
import { loadBatch, setBatch } from "./batch-progress";
import { finishGmailRun, openGmailRun, type GmailRun } from "./gmail-run";
import { importGmailMessages } from "./import-gmail-messages";
import { handleSyncFailure, checkAborted, type SyncCtx } from "./sync-context";
import { syncGmailIncremental } from "./sync-gmail-incremental";

/**
 * The google_gmail_sync job. Full sync: page messages.list (500 ids) under the user's
 * query and label filters, fetch each page within the quota budget, import it as one
 * chunk, checkpoint the next page token with it (a crash resumes there), and finally store
 * the historyId taken before listing. Incremental: history.list from the stored cursor;
 * an expired cursor (404) falls back to a full sync. Returns the Gmail session it ran on
 * (null when there was nothing to do), so the job can register push without reading the
 * tokens again.
 */
export async function syncGmail(
  ctx: SyncCtx,
  input: { batchId: string | null; incremental: boolean },
): Promise<GmailSession | null> {
  const batch = input.batchId ? await loadBatch(ctx, input.batchId) : null;
  if (batch?.status === "undone") return null;
  try {
    const run = await openGmailRun(ctx, input.batchId);
    const cursor = run.gmail.tokens.cursor;
    if (input.incremental && cursor) {
      try {
        await syncGmailIncremental(ctx, run, cursor);
        return run.gmail;
      } catch (e) {
        if (!(e instanceof GoogleError && e.kind === "cursor_invalid")) throw e;
        ctx.log.warn("gmail history cursor expired; falling back to a full sync");
      }
    }
    await fullSync(ctx, run, batch?.counts ?? {});
    return run.gmail;
  } catch (e) {
    return handleSyncFailure(ctx, "gmail", input.batchId, e);
  }
}

async function fullSync(ctx: SyncCtx, run: GmailRun, counts: Record<string, unknown>): Promise<void> {
  const { prefs, gmail } = run;
  // Resume: a checkpointed run continues from its next page with the cursor it started from.
  let pageToken = typeof counts.pageToken === "string" ? counts.pageToken : undefined;
  let startHistoryId = typeof counts.startHistoryId === "string" ? counts.startHistoryId : undefined;
  let done = typeof counts.done === "number" ? counts.done : 0;
  let total = typeof counts.total === "number" ? counts.total : undefined;
  if (!startHistoryId) startHistoryId = (await gmailGetProfile(gmail)).historyId;
  if (run.batchId) await setBatch(ctx, run.batchId, { status: "importing", set: { startHistoryId } });
  const q = labelQuery(prefs.gmailQuery, prefs.gmailLabelExcludes);
  for (;;) {
    checkAborted(ctx);
    if (run.batchId && (await loadBatch(ctx, run.batchId))?.status === "undone") return;
    const page = await gmailListMessageIds(gmail, {
      q,
      labelIds: prefs.gmailLabelIncludes.length === 1 ? prefs.gmailLabelIncludes : undefined,
      pageToken,
    });
    if (total === undefined) total = page.estimate;
    await importGmailMessages(ctx, run, page.ids, {
      pageToken: page.nextPageToken ?? null,
      startHistoryId,
      ...(total !== undefined ? { total } : {}),
    });
    done += page.ids.length;
    await ctx.reportProgress?.(done, Math.max(total ?? 0, done));
    if (!page.nextPageToken) break;
    pageToken = page.nextPageToken;
  }
  await finishGmailRun(ctx, run, startHistoryId);
}
