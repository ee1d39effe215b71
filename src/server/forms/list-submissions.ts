import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { formSubmissions } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { listSubmissionsQuery, type SubmissionDto } from "./schemas";
import { toSubmissionDto } from "./submission-view";

/** Submissions, newest first, each with its preview: who it matches and where every answer goes. */
export async function listSubmissions(
  ctx: Ctx,
  raw: z.input<typeof listSubmissionsQuery>,
): Promise<{ items: SubmissionDto[] }> {
  const q = listSubmissionsQuery.parse(raw);
  return withUser(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(formSubmissions)
      .where(
        and(
          eq(formSubmissions.userId, ctx.userId),
          q.status ? eq(formSubmissions.status, q.status) : undefined,
          q.contactId ? eq(formSubmissions.contactId, q.contactId) : undefined,
        ),
      )
      .orderBy(desc(formSubmissions.createdAt))
      .limit(q.limit);
    const items: SubmissionDto[] = [];
    for (const r of rows) items.push(await toSubmissionDto(tx, ctx.userId, r));
    return { items };
  });
}
