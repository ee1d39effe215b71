import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { tags } from "../db/schema/contacts";
import { AppError } from "../errors";

export async function deleteTag(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  return withUser(ctx, async (tx) => {
    const rows = await tx
      .delete(tags)
      .where(and(eq(tags.userId, ctx.userId), eq(tags.id, input.id)))
      .returning({ id: tags.id });
    if (!rows.length) throw new AppError("not_found", "tag not found");
    return { id: input.id };
  });
}
