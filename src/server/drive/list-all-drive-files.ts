import { listDriveFiles, type DriveFile } from "../google/drive/drive-driver";
import type { DriveSession } from "../google/drive/drive-session";

/** A practice's Drive is hundreds of files; past this the listing stops (and says so). */
export const MAX_DRIVE_FILES = 5000;

/** Every file the user can see, page by page, up to MAX_DRIVE_FILES. */
export async function listAllDriveFiles(
  s: DriveSession,
  signal?: AbortSignal,
): Promise<{ files: DriveFile[]; truncated: boolean }> {
  const files: DriveFile[] = [];
  let pageToken: string | undefined;
  do {
    if (signal?.aborted) throw signal.reason ?? new Error("aborted");
    const page = await listDriveFiles(s, { pageToken });
    files.push(...page.files);
    pageToken = page.nextPageToken;
  } while (pageToken && files.length < MAX_DRIVE_FILES);
  return { files: files.slice(0, MAX_DRIVE_FILES), truncated: !!pageToken || files.length > MAX_DRIVE_FILES };
}
