import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { PermanentJobError } from "../jobs/define-job";
import { markNeedsReconnect } from "../google/authorized-client";
import { describeGoogleError, GoogleError } from "../google/errors";
import { getDriveStartPageToken, listDriveChanges, type DriveFile } from "../google/drive/drive-driver";
import { openDrive, type DriveSession } from "../google/drive/drive-session";
import { loadTokens, updateIntegration } from "../google/token-store";
import { canReadDrive } from "../google/scopes";
import { loadBatch, setBatch } from "../sync/batch-progress";
import { ownEmails } from "./drive-access";
import { matchDocuments, removeDocuments, upsertDocuments } from "./drive-documents";
import { listAllDriveFiles } from "./list-all-drive-files";

type SyncCtx = Ctx & { signal?: AbortSignal };

/**
 * The google_drive_sync job. Full (an approved batch): take the changes start token
 * first, list every file, put the ones shared with a contact on their timelines under
 * the batch, drop documents no longer shared, and store the token as the cursor — so a
 * change made while listing is picked up by the next incremental run. Incremental: replay
 * changes.list from the cursor (new or re-shared files are added without a batch, removed,
 * trashed or unshared ones taken off); an expired token falls back to a full listing.
 * Idempotent: documents are keyed by file id.
 */
export async function syncDriveDocuments(
  ctx: SyncCtx,
  input: { batchId: string | null; incremental: boolean },
): Promise<void> {
  const batch = input.batchId ? await loadBatch(ctx, input.batchId) : null;
  if (batch?.status === "undone") return;
  const tokens = await loadTokens(ctx, "drive");
  // Never allowed (or revoked): a scheduled run has nothing to do.
  if (!tokens || tokens.status === "needs_reconnect" || !canReadDrive(tokens.grantedScopes)) {
    if (input.batchId)
      await setBatch(ctx, input.batchId, { status: "error", set: { error: "Drive is not allowed" } });
    return;
  }
  if (input.incremental && !tokens.cursor) return; // nothing approved yet
  const own = await ownEmails(ctx, tokens);
  try {
    // Tokens are read (and refreshed if due) once for the whole run.
    const drive = await openDrive(ctx, tokens);
    if (input.incremental && tokens.cursor) {
      try {
        await replayChanges(ctx, drive, tokens.cursor, own);
        return;
      } catch (e) {
        if (!(e instanceof GoogleError && e.kind === "cursor_invalid")) throw e;
        ctx.log.warn("drive page token expired; listing every file again");
      }
    }
    await fullListing(ctx, drive, input.batchId, own);
  } catch (e) {
    if (e instanceof GoogleError) {
      if (e.kind === "invalid_grant" || e.kind === "insufficient_permissions") {
        await markNeedsReconnect(ctx, "drive", e);
        if (input.batchId)
          await setBatch(ctx, input.batchId, { status: "error", set: { error: describeGoogleError(e) } });
        throw new PermanentJobError(describeGoogleError(e));
      }
      await updateIntegration(ctx, "drive", { lastError: describeGoogleError(e) });
    }
    throw e;
  }
}

async function fullListing(
  ctx: SyncCtx,
  drive: DriveSession,
  batchId: string | null,
  own: Set<string>,
): Promise<void> {
  const start = await getDriveStartPageToken(drive);
  const { files, truncated } = await listAllDriveFiles(drive, ctx.signal);
  const { created, removed } = await withUser(ctx, async (tx) => {
    const matched = await matchDocuments(tx, ctx.userId, files, own);
    const created = await upsertDocuments(tx, ctx.userId, batchId, matched);
    // A complete listing is the truth: documents it no longer shows as shared go.
    let removed = 0;
    if (!truncated) {
      const keep = new Set(matched.map((m) => m.file.id));
      const r = await tx.execute<{ source_id: string }>(
        sql`SELECT source_id FROM interactions WHERE user_id = ${ctx.userId} AND source = 'drive'`,
      );
      removed = await removeDocuments(
        tx,
        ctx.userId,
        r.rows.map((x) => x.source_id).filter((id) => !keep.has(id)),
      );
    }
    return { created, removed };
  });
  if (batchId)
    await setBatch(ctx, batchId, {
      status: "done",
      set: { documents: created, removed, filesScanned: files.length },
    });
  await updateIntegration(ctx, "drive", { cursor: start, lastSyncAt: new Date(), lastError: null });
  ctx.log.info({ created, removed, files: files.length, batchId }, "drive documents imported");
}

async function replayChanges(
  ctx: SyncCtx,
  drive: DriveSession,
  cursor: string,
  own: Set<string>,
): Promise<void> {
  let pageToken = cursor;
  let changed = 0;
  for (;;) {
    if (ctx.signal?.aborted) throw ctx.signal.reason ?? new Error("aborted");
    const page = await listDriveChanges(drive, { pageToken });
    const files: DriveFile[] = [];
    const gone: string[] = [];
    for (const c of page.changes) {
      if (c.removed || !c.file || c.file.trashed) gone.push(c.fileId);
      else files.push(c.file);
    }
    await withUser(ctx, async (tx) => {
      const matched = await matchDocuments(tx, ctx.userId, files, own);
      const keep = new Set(matched.map((m) => m.file.id));
      await upsertDocuments(tx, ctx.userId, null, matched);
      // Changed files no longer shared with any contact leave the timeline too.
      await removeDocuments(tx, ctx.userId, [
        ...gone,
        ...files.filter((f) => !keep.has(f.id)).map((f) => f.id),
      ]);
    });
    changed += page.changes.length;
    if (page.nextPageToken) {
      pageToken = page.nextPageToken;
      continue;
    }
    // Saved only after the last page: a crash mid-way replays from the old cursor (idempotent).
    await updateIntegration(ctx, "drive", {
      cursor: page.newStartPageToken ?? pageToken,
      lastSyncAt: new Date(),
      lastError: null,
    });
    ctx.log.info({ changed }, "drive changes applied");
    return;
  }
}
