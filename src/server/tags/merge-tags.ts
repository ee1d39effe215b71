import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { tags } from "../db/schema/contacts";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { listTags } from "./list-tags";
import type { TagView } from "./schemas";

export const mergeTagsInput = z
  .object({ sourceId: z.uuid(), targetId: z.uuid() })
  .refine((v) => v.sourceId !== v.targetId, { message: "choose two different tags", path: ["targetId"] });
export type MergeTagsInput = z.input<typeof mergeTagsInput>;

/**
 * Folds one tag into another: every contact tagged `source` ends up tagged `target`
 * (once), then `source` is deleted. One transaction: all or nothing.
 */
export async function mergeTags(ctx: Ctx, raw: MergeTagsInput): Promise<{ target: TagView; moved: number }> {
  const { sourceId, targetId } = mergeTagsInput.parse(raw);
  const moved = await withUser(ctx, async (tx) => {
    const found = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(and(eq(tags.userId, ctx.userId), inArray(tags.id, [sourceId, targetId])));
    if (found.length !== 2) throw new AppError("not_found", "tag not found");
    const r = await tx.execute<{ contact_id: string }>(sql`
      INSERT INTO contact_tags (user_id, contact_id, tag_id)
      SELECT user_id, contact_id, ${targetId}::uuid FROM contact_tags
      WHERE user_id = ${ctx.userId} AND tag_id = ${sourceId}::uuid
      ON CONFLICT DO NOTHING RETURNING contact_id`);
    await tx.delete(tags).where(and(eq(tags.userId, ctx.userId), eq(tags.id, sourceId)));
    ctx.log.info({ sourceId, targetId }, "tags merged");
    return r.rows.length;
  });
  const all = await listTags(ctx);
  const target = all.items.find((t) => t.id === targetId);
  if (!target) throw new AppError("not_found", "tag not found");
  return { target, moved };
}
