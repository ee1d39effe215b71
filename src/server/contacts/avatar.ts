import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { AppError } from "../errors";
import { objectStore } from "../storage/object-store";
import { requireContact } from "./require-contact";
import { avatarUrl } from "./contact-dto";
import { checkAvatarHeader } from "./avatar-image";
import { runUntrusted } from "../untrusted/run-untrusted";

/** Time budget (wall clock) for decoding and resizing one upload; bombs are refused before it. */
const AVATAR_BUDGET_MS = 20_000;
import { MAX_AVATAR_BYTES } from "./constants";

// Upload limit before resizing; what is stored is a ≤256×256 re-encoded PNG or JPEG.
export { MAX_AVATAR_BYTES };

const MIME: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};
export const mimeOf = (key: string) =>
  MIME[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";

export async function setAvatar(
  ctx: Ctx,
  input: { contactId: string; bytes: Buffer },
): Promise<{ avatarUrl: string }> {
  if (input.bytes.length > MAX_AVATAR_BYTES)
    throw new AppError("payload_too_large", undefined, { maxBytes: MAX_AVATAR_BYTES });
  // Check ownership before spending CPU on decoding someone else's upload.
  await withUser(ctx, (tx) => requireContact(tx, ctx.userId, input.contactId, { deleted: false }));
  checkAvatarHeader(input.bytes);
  // Decoding runs in the worker pool (time budget, heap limit), never on the event loop.
  const out = await runUntrusted("avatar", input.bytes, { timeoutMs: AVATAR_BUDGET_MS });
  // A Buffer crosses the thread boundary as a plain Uint8Array.
  const img = { ...out, bytes: Buffer.from(out.bytes.buffer, out.bytes.byteOffset, out.bytes.byteLength) };
  const store = objectStore();
  // A fresh key per upload: caches keyed on the URL never show a stale image.
  const key = `avatars/${ctx.userId}/${input.contactId}-${randomBytes(6).toString("hex")}.${img.ext}`;
  await store.put(key, img.bytes, img.mime);
  try {
    return await withUser(ctx, async (tx) => {
      const row = await requireContact(tx, ctx.userId, input.contactId, { deleted: false });
      const now = new Date();
      await tx
        .update(contacts)
        .set({ avatarPath: key, updatedAt: now })
        .where(and(eq(contacts.userId, ctx.userId), eq(contacts.id, row.id)));
      if (row.avatarPath) await removeQuietly(ctx, row.avatarPath);
      return { avatarUrl: avatarUrl({ id: row.id, avatarPath: key, updatedAt: now })! };
    });
  } catch (e) {
    await removeQuietly(ctx, key);
    throw e;
  }
}

export async function readAvatar(
  ctx: Ctx,
  input: { contactId: string },
): Promise<{ bytes: Buffer; mime: string }> {
  const row = await withUser(ctx, (tx) => requireContact(tx, ctx.userId, input.contactId));
  if (!row.avatarPath) throw new AppError("not_found", "no avatar");
  const bytes = await objectStore().get(row.avatarPath);
  if (!bytes) throw new AppError("not_found", "no avatar");
  return { bytes, mime: mimeOf(row.avatarPath) };
}

export async function removeAvatar(ctx: Ctx, input: { contactId: string }): Promise<{ id: string }> {
  return withUser(ctx, async (tx) => {
    const row = await requireContact(tx, ctx.userId, input.contactId);
    await tx
      .update(contacts)
      .set({ avatarPath: null, updatedAt: new Date() })
      .where(and(eq(contacts.userId, ctx.userId), eq(contacts.id, row.id)));
    if (row.avatarPath) await removeQuietly(ctx, row.avatarPath);
    return { id: row.id };
  });
}

/** A leftover object is harmless (its key is unguessable and never served); a failed request is not. */
async function removeQuietly(ctx: Ctx, key: string): Promise<void> {
  await objectStore()
    .remove(key)
    .catch((err: unknown) => ctx.log.warn({ err, key }, "could not remove old avatar object"));
}
