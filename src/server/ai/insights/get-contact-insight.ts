import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "../../context";
import { aiInsights } from "../../db/schema/ai";
import { withUser } from "../../db/with-user";

/** The latest valid insight of a contact (failed attempts are never shown as insights). */
export async function getContactInsight(ctx: Ctx, contactId: string) {
  const [row] = await withUser(ctx, (tx) =>
    tx
      .select()
      .from(aiInsights)
      .where(
        and(
          eq(aiInsights.userId, ctx.userId),
          eq(aiInsights.subjectType, "contact"),
          eq(aiInsights.subjectId, contactId),
          eq(aiInsights.status, "ok"),
        ),
      )
      .orderBy(desc(aiInsights.createdAt))
      .limit(1),
  );
  return {
    insight: row
      ? {
          id: row.id,
          contactId,
          content: row.content,
          model: row.model,
          createdAt: row.createdAt.toISOString(),
        }
      : null,
  };
}
