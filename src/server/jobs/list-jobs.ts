import { and, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Ctx } from "../context";
import { jobs } from "../db/schema/jobs";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { toJobView } from "./job-view";
import type { JobView, ListJobsQuery } from "./schemas";

/** The caller's jobs, newest first, keyset-paginated on (created_at, id). */
export async function listJobs(
  ctx: Ctx,
  q: Partial<ListJobsQuery> = {},
): Promise<{ items: JobView[]; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  const where: (SQL | undefined)[] = [eq(jobs.userId, ctx.userId)];
  if (q.status?.length) where.push(inArray(jobs.status, q.status));
  if (q.kind) where.push(eq(jobs.kind, q.kind));
  if (q.batchId) where.push(eq(jobs.batchId, q.batchId));
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(or(lt(jobs.createdAt, c.at), and(eq(jobs.createdAt, c.at), lt(jobs.id, c.id))));
  }
  const rows = await withUser(ctx, (tx) =>
    tx
      .select()
      .from(jobs)
      .where(and(...where))
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(limit + 1),
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url")
      : null;
  return { items: page.map(toJobView), nextCursor };
}

function decodeCursor(s: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(s, "base64url").toString("utf8").split("|");
  const d = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(d.getTime()))
    throw new AppError("invalid_query", "invalid cursor", { fields: { cursor: ["invalid cursor"] } });
  return { at: d, id };
}
