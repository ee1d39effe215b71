import { and, asc, eq, exists, gt, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../context";
import { decodeCursor, encodeCursor } from "../contacts/cursor";
import { taskContacts, tasks } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { dueBeforeKey } from "./due";
import { listTasksQuery, type ListTasksQuery, type TaskPage } from "./schemas";
import { taskViews } from "./task-view";

/** Status as the user sees it: a snooze that has run out is open again. */
export function statusFilter(status: "open" | "done" | "snoozed", now: Date): SQL {
  if (status === "done") return eq(tasks.status, "done");
  const snoozing = and(eq(tasks.status, "snoozed"), gt(tasks.snoozedUntil, now))!;
  if (status === "snoozed") return snoozing;
  return or(eq(tasks.status, "open"), and(eq(tasks.status, "snoozed"), sql`NOT (${snoozing})`))!;
}

/**
 * Tasks by due (earliest first, undated last), keyset paginated on (sort_key, id) like the
 * contacts list: `nextCursor` is opaque, null on the last page.
 */
export async function listTasks(ctx: Ctx, raw: ListTasksQuery): Promise<TaskPage> {
  const q = listTasksQuery.parse(raw);
  return withUser(ctx, async (tx) => {
    const now = new Date();
    const where: (SQL | undefined)[] = [eq(tasks.userId, ctx.userId)];
    if (q.status) where.push(statusFilter(q.status, now));
    if (q.dueBefore)
      where.push(lt(tasks.sortKey, dueBeforeKey(q.dueBefore, await getUserTimeZone({ ...ctx, tx }))));
    if (q.contactId)
      where.push(
        exists(
          tx
            .select({ one: sql`1` })
            .from(taskContacts)
            .where(
              and(
                eq(taskContacts.taskId, tasks.id),
                eq(taskContacts.contactId, q.contactId),
                eq(taskContacts.userId, ctx.userId),
              ),
            ),
        ),
      );
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      where.push(
        c.k === null
          ? and(isNull(tasks.sortKey), gt(tasks.id, c.id))
          : or(
              gt(tasks.sortKey, c.k),
              and(eq(tasks.sortKey, c.k), gt(tasks.id, c.id)),
              isNull(tasks.sortKey),
            ),
      );
    }
    const rows = await tx
      .select()
      .from(tasks)
      .where(and(...where))
      .orderBy(sql`${tasks.sortKey} ASC NULLS LAST`, asc(tasks.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: await taskViews(tx, ctx.userId, page, now),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.sortKey, id: last.id }) : null,
    };
  });
}
