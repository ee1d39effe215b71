import { gmailListHistory } from "../google/gmail/gmail-reads";
import { finishGmailRun, type GmailRun } from "./gmail-run";
import { importGmailMessages } from "./import-gmail-messages";
import { checkAborted, type SyncCtx } from "./sync-context";

const CHUNK = 500;

/**
 * history.list from the stored historyId: only messages added since the last sync are
 * fetched. A 404 (cursor too old) surfaces as GoogleError cursor_invalid; the caller then
 * runs a full sync. The cursor advances only after every new message is imported.
 */
export async function syncGmailIncremental(ctx: SyncCtx, run: GmailRun, cursor: string): Promise<void> {
  let pageToken: string | undefined;
  let latest = cursor;
  const pending = new Set<string>();
  let done = 0;
  const flush = async () => {
    const ids = [...pending];
    pending.clear();
    if (!ids.length) return;
    await importGmailMessages(ctx, run, ids, {});
    done += ids.length;
    await ctx.reportProgress?.(done);
  };
  for (;;) {
    checkAborted(ctx);
    const page = await gmailListHistory(run.gmail, { startHistoryId: cursor, pageToken });
    for (const id of page.ids) pending.add(id);
    if (page.historyId) latest = page.historyId;
    if (pending.size >= CHUNK) await flush();
    if (!page.nextPageToken) break;
    pageToken = page.nextPageToken;
  }
  await flush();
  await finishGmailRun(ctx, run, latest);
}
