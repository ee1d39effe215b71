import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { env } from "@/lib/env";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { AppError } from "../errors";
import { requireContact } from "./contact-helpers";
import { avatarUrl } from "./contact-dto";

export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

// The type is decided by the file's magic bytes, never by the client's Content-Type, and
// only these raster formats are stored (SVG is refused: it can carry script). Images are
// stored as uploaded — resizing would need a native image library; the UI scales them.
const TYPES: { ext: string; mime: string; test: (b: Buffer) => boolean }[] = [
  {
    ext: "png",
    mime: "image/png",
    test: (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  },
  { ext: "jpg", mime: "image/jpeg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: "gif", mime: "image/gif", test: (b) => b.subarray(0, 4).toString("latin1") === "GIF8" },
  {
    ext: "webp",
    mime: "image/webp",
    test: (b) =>
      b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  },
];

const uploadsRoot = () => path.resolve(env().DATA_DIR, "uploads");

function resolveStored(rel: string): string {
  const root = uploadsRoot();
  const full = path.resolve(root, rel);
  if (!full.startsWith(root + path.sep)) throw new AppError("not_found");
  return full;
}

export async function setAvatar(
  ctx: Ctx,
  input: { contactId: string; bytes: Buffer },
): Promise<{ avatarUrl: string }> {
  if (input.bytes.length > MAX_AVATAR_BYTES)
    throw new AppError("payload_too_large", undefined, { maxBytes: MAX_AVATAR_BYTES });
  const type = TYPES.find((t) => t.test(input.bytes));
  if (!type)
    throw new AppError("unsupported_media_type", "avatar must be a PNG, JPEG, GIF or WebP image", {
      fields: { file: ["unsupported image type"] },
    });
  return withUser(ctx.db, ctx.userId, async (tx) => {
    const row = await requireContact(tx, ctx.userId, input.contactId, { deleted: false });
    // A fresh name per upload: caches keyed on the URL never show a stale image.
    const rel = path.join("avatars", ctx.userId, `${row.id}-${randomBytes(6).toString("hex")}.${type.ext}`);
    const full = resolveStored(rel);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, input.bytes, { mode: 0o600 });
    const now = new Date();
    await tx
      .update(contacts)
      .set({ avatarPath: rel, updatedAt: now })
      .where(and(eq(contacts.userId, ctx.userId), eq(contacts.id, row.id)));
    if (row.avatarPath) await rm(resolveStored(row.avatarPath), { force: true }).catch(() => undefined);
    return { avatarUrl: avatarUrl({ id: row.id, avatarPath: rel, updatedAt: now })! };
  });
}

export async function readAvatar(
  ctx: Ctx,
  input: { contactId: string },
): Promise<{ bytes: Buffer; mime: string }> {
  const row = await withUser(ctx.db, ctx.userId, (tx) => requireContact(tx, ctx.userId, input.contactId));
  if (!row.avatarPath) throw new AppError("not_found", "no avatar");
  const bytes = await readFile(resolveStored(row.avatarPath)).catch(() => {
    throw new AppError("not_found", "no avatar");
  });
  const mime = TYPES.find((t) => t.test(bytes))?.mime ?? "application/octet-stream";
  return { bytes, mime };
}

export async function removeAvatar(ctx: Ctx, input: { contactId: string }): Promise<{ id: string }> {
  return withUser(ctx.db, ctx.userId, async (tx) => {
    const row = await requireContact(tx, ctx.userId, input.contactId);
    await tx
      .update(contacts)
      .set({ avatarPath: null, updatedAt: new Date() })
      .where(and(eq(contacts.userId, ctx.userId), eq(contacts.id, row.id)));
    if (row.avatarPath) await rm(resolveStored(row.avatarPath), { force: true }).catch(() => undefined);
    return { id: row.id };
  });
}
