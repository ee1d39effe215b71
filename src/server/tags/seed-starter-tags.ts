import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contactSettings, tags } from "../db/schema/contacts";
import { fetchTags } from "./tag-view";
import { starterTags, type TagView } from "./schemas";

/** Adds the starter wellness tags; idempotent (existing names are kept as they are). */
export async function seedStarterTags(ctx: Ctx): Promise<{ items: TagView[]; created: number }> {
  return withUser(ctx, async (tx) => {
    const created = await tx
      .insert(tags)
      .values(starterTags.map((t) => ({ userId: ctx.userId, ...t })))
      .onConflictDoNothing()
      .returning({ id: tags.id });
    const now = new Date();
    await tx
      .insert(contactSettings)
      .values({ userId: ctx.userId, starterTagsSeededAt: now })
      .onConflictDoUpdate({ target: contactSettings.userId, set: { starterTagsSeededAt: now } });
    return { items: await fetchTags(tx, ctx.userId), created: created.length };
  });
}
