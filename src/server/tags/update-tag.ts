import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { tags } from "../db/schema/contacts";
import { AppError } from "../errors";
import { isUniqueViolation } from "../contacts/set-contact-identities";
import { fetchTags, nameTaken } from "./tag-view";
import { updateTagInput } from "./schemas";

export async function updateTag(ctx: Ctx, input: { id: string; patch: z.input<typeof updateTagInput> }) {
  const p = updateTagInput.parse(input.patch);
  return withUser(ctx, async (tx) => {
    try {
      const rows = await tx
        .update(tags)
        .set(p)
        .where(and(eq(tags.userId, ctx.userId), eq(tags.id, input.id)))
        .returning({ id: tags.id });
      if (!rows.length) throw new AppError("not_found", "tag not found");
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken(p.name ?? "");
      throw e;
    }
    return (await fetchTags(tx, ctx.userId, input.id))[0]!;
  });
}
