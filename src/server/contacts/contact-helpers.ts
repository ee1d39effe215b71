import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contacts, contactTags, tags } from "../db/schema/contacts";
import { appEncryptor } from "../crypto/app-crypto";
import { AppError } from "../errors";
import type { HealthContext } from "./schemas";

/** The caller's contact, or 404 (also for another user's id, so ids cannot be probed). */
export async function requireContact(tx: Tx, userId: string, id: string, opts: { deleted?: boolean } = {}) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.userId, userId),
        eq(contacts.id, id),
        opts.deleted === undefined ? undefined : opts.deleted ? undefined : isNull(contacts.deletedAt),
      ),
    )
    .limit(1);
  if (!row) throw new AppError("not_found", "contact not found");
  return row;
}

export function encryptHealth(h: HealthContext | null | undefined): string | null | undefined {
  if (h === undefined) return undefined;
  if (h === null) return null;
  const clean = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined && v !== ""));
  return Object.keys(clean).length ? appEncryptor().encrypt(JSON.stringify(clean), "health") : null;
}

export function decryptHealth(enc: string | null): HealthContext | null {
  if (!enc) return null;
  return JSON.parse(appEncryptor().decrypt(enc, "health")) as HealthContext;
}

/** Validates that every tag id is the caller's (400 naming the field otherwise). */
export async function requireTags(
  tx: Tx,
  userId: string,
  tagIds: string[],
  field = "tagIds",
): Promise<string[]> {
  const ids = [...new Set(tagIds)];
  if (!ids.length) return ids;
  const found = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.userId, userId), inArray(tags.id, ids)));
  if (found.length !== ids.length)
    throw new AppError("invalid_body", "unknown tag", { fields: { [field]: ["unknown tag id"] } });
  return ids;
}

export async function setContactTags(tx: Tx, userId: string, contactId: string, tagIds: string[]) {
  await tx
    .delete(contactTags)
    .where(and(eq(contactTags.userId, userId), eq(contactTags.contactId, contactId)));
  if (tagIds.length)
    await tx
      .insert(contactTags)
      .values(tagIds.map((tagId) => ({ userId, contactId, tagId })))
      .onConflictDoNothing();
}
