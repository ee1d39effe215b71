import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { interactions } from "../db/schema/interactions";
import { syncAudit } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import { openDrive } from "../google/drive/drive-session";
import { driveApiError, ownEmails, requireDriveAccess } from "./drive-access";
import { matchDocuments } from "./drive-documents";
import { listAllDriveFiles } from "./list-all-drive-files";
import type { DrivePreview } from "./schemas";

/**
 * What a Drive import would add, without adding it: the files shared between the user and
 * one of their contacts (matched by the permission, owner or sharer email), minus those
 * already on a timeline. Drive not yet allowed → 403 drive_consent_required with the URL
 * that asks for drive.metadata.readonly (the incremental step).
 */
export async function previewDriveDocuments(ctx: Ctx): Promise<DrivePreview> {
  const tokens = await requireDriveAccess(ctx);
  const own = await ownEmails(ctx, tokens);
  const { files, truncated } = await openDrive(ctx, tokens)
    .then((s) => listAllDriveFiles(s))
    .catch((e: unknown) => driveApiError(ctx, e));
  return withUser(ctx, async (tx) => {
    const matched = await matchDocuments(tx, ctx.userId, files, own);
    const ids = matched.map((m) => m.file.id);
    const known = new Set<string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await tx
        .select({ sourceId: interactions.sourceId })
        .from(interactions)
        .where(
          and(
            eq(interactions.userId, ctx.userId),
            eq(interactions.source, "drive"),
            inArray(interactions.sourceId, ids.slice(i, i + 1000)),
          ),
        );
      for (const r of rows) known.add(r.sourceId);
    }
    const fresh = matched.filter((m) => !known.has(m.file.id));
    const preview: DrivePreview = {
      count: fresh.length,
      sampleNames: fresh.slice(0, 5).map((m) => m.file.name),
      contacts: new Set(fresh.flatMap((m) => m.contactIds)).size,
      filesScanned: files.length,
      truncated,
    };
    await tx.insert(syncAudit).values({
      userId: ctx.userId,
      provider: "drive",
      action: "preview",
      payload: { count: preview.count, contacts: preview.contacts, filesScanned: files.length },
    });
    return preview;
  });
}
