import { eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contactSettings } from "../db/schema/contacts";
import { fetchTags } from "./tag-view";
import type { TagView } from "./schemas";

/**
 * All tags with contact counts. `starterTagsAvailable` is true until the user seeds or
 * dismisses the starter set and has no tags yet — the UI's cue to offer it.
 */
export async function listTags(ctx: Ctx): Promise<{ items: TagView[]; starterTagsAvailable: boolean }> {
  return withUser(ctx, async (tx) => {
    const items = await fetchTags(tx, ctx.userId);
    const [s] = await tx.select().from(contactSettings).where(eq(contactSettings.userId, ctx.userId));
    return { items, starterTagsAvailable: items.length === 0 && !s?.starterTagsSeededAt };
  });
}
