import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { tags } from "../db/schema/contacts";
import { AppError } from "../errors";
import type { TagView } from "./schemas";

const COUNT = sql<number>`(SELECT count(*)::int FROM contact_tags ct JOIN contacts c ON c.id = ct.contact_id
  WHERE ct.tag_id = tags.id AND c.deleted_at IS NULL)`;

/** Tags with their live-contact counts (one tag when `id` is given), by name. */
export async function fetchTags(tx: Tx, userId: string, id?: string): Promise<TagView[]> {
  const rows = await tx
    .select({
      id: tags.id,
      name: tags.name,
      color: tags.color,
      createdAt: tags.createdAt,
      contactCount: COUNT,
    })
    .from(tags)
    .where(and(eq(tags.userId, userId), id ? eq(tags.id, id) : undefined))
    .orderBy(asc(sql`lower(${tags.name})`));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** 409 for a duplicate tag name. */
export const nameTaken = (name: string) =>
  new AppError("conflict", `a tag named "${name}" already exists`, { field: "name", name });
