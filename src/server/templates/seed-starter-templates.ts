import { and, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../context";
import { emailTemplates, outboxSettings } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { STARTER_TEMPLATES } from "./starter-templates";

/**
 * Inserts the starter set once per user (outbox_settings.templates_seeded_at), so a
 * template the user deleted does not come back. Idempotent under concurrency: the marker
 * is claimed with a conditional update and starter keys are unique per user.
 */
export async function seedStarterTemplates(ctx: Ctx): Promise<void> {
  await withUser(ctx, async (tx) => {
    await tx.insert(outboxSettings).values({ userId: ctx.userId }).onConflictDoNothing();
    const claimed = await tx
      .update(outboxSettings)
      .set({ templatesSeededAt: new Date() })
      .where(and(eq(outboxSettings.userId, ctx.userId), isNull(outboxSettings.templatesSeededAt)))
      .returning({ userId: outboxSettings.userId });
    if (!claimed.length) return;
    await tx
      .insert(emailTemplates)
      .values(
        STARTER_TEMPLATES.map((t) => ({
          userId: ctx.userId,
          starterKey: t.key,
          name: t.name,
          subject: t.subject,
          body: t.body,
        })),
      )
      .onConflictDoNothing();
  });
}
