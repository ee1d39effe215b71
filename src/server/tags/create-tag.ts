import type { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { tags } from "../db/schema/contacts";
import { isUniqueViolation } from "../contacts/set-contact-identities";
import { fetchTags, nameTaken } from "./tag-view";
import { tagInput, type TagView } from "./schemas";

export async function createTag(ctx: Ctx, raw: z.input<typeof tagInput>): Promise<TagView> {
  const p = tagInput.parse(raw);
  return withUser(ctx, async (tx) => {
    try {
      const [row] = await tx
        .insert(tags)
        .values({ userId: ctx.userId, name: p.name, color: p.color })
        .returning({ id: tags.id });
      return (await fetchTags(tx, ctx.userId, row!.id))[0]!;
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken(p.name);
      throw e;
    }
  });
}
