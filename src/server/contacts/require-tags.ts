import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { tags } from "../db/schema/contacts";
import { AppError } from "../errors";

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
