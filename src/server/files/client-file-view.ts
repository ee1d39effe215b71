import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { clientFiles } from "../db/schema/files";
import { AppError } from "../errors";
import { clientFileMimes, clientFileSources, extensionOf, type ClientFileMime } from "./constants";

export const clientFileSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  fileName: z.string(),
  mimeType: z.enum(clientFileMimes),
  sizeBytes: z.number().int(),
  source: z.enum(clientFileSources),
  createdAt: z.string(),
  /** Same-origin download URL (owner only, always an attachment). */
  downloadUrl: z.string(),
});
export type ClientFileDto = z.infer<typeof clientFileSchema>;

export function toClientFileDto(r: typeof clientFiles.$inferSelect): ClientFileDto {
  return {
    id: r.id,
    contactId: r.contactId,
    fileName: r.fileName,
    mimeType: r.mimeType,
    sizeBytes: r.sizeBytes,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
    downloadUrl: `/api/v1/files/${r.id}`,
  };
}

/** The caller's file, or 404 (also for another user's id: RLS hides it, and so does the filter). */
export async function requireClientFile(tx: Tx, userId: string, id: string) {
  const [row] = await tx
    .select()
    .from(clientFiles)
    .where(and(eq(clientFiles.userId, userId), eq(clientFiles.id, id)))
    .limit(1);
  if (!row) throw new AppError("not_found", "file not found");
  return row;
}

const MAX_NAME = 180;

/**
 * A display and download name: the last path segment of what the uploader sent, without
 * control or quoting characters, shortened, and always ending in the extension of the
 * sniffed type — so "invoice.html" holding a PDF downloads as "invoice.html.pdf" and never
 * opens as a web page on the user's machine.
 */
export function safeFileName(raw: string, mime: ClientFileMime): string {
  const ext = extensionOf[mime];
  const last = raw.split(/[/\\]/).pop() ?? "";
  let name = "";
  for (const ch of last.normalize("NFC")) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || ch === '"' || ch === ";") continue;
    name += ch;
  }
  name = name.trim().replace(/^\.+/, "");
  if (!name) name = "file";
  if (mime === "image/jpeg" && /\.jpeg$/i.test(name)) return name.slice(0, MAX_NAME);
  const withExt = name.toLowerCase().endsWith(`.${ext}`) ? name : `${name}.${ext}`;
  if (withExt.length <= MAX_NAME) return withExt;
  return `${withExt.slice(0, MAX_NAME - ext.length - 1)}.${ext}`;
}
