import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { addDays, localToday } from "../followups/local-time";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { findDueContacts } from "../rhythms/find-due-contacts";
import { readRhythmConfig } from "../rhythms/rhythm-config";
import { listTasks } from "../tasks/list-tasks";
import { findOccasions } from "./find-occasions";
import { findSessionsOn } from "./find-sessions";
import type { Today } from "./schemas";

export const TODAY_LIMIT = 50;

/**
 * The practitioner's day in the order a morning goes: today's sessions, overdue and due
 * tasks, people due for contact, birthdays and anniversaries. Used by the Today page, the
 * morning digest and the assistant alike.
 */
export async function getToday(ctx: Ctx, now: Date = new Date()): Promise<Today> {
  return withUser(ctx, async (tx) => {
    const inTx = { ...ctx, tx };
    const tz = await getUserTimeZone(inTx);
    const today = localToday(tz, now);
    const config = await readRhythmConfig(tx, ctx.userId);
    const tasks = await listTasks(inTx, { status: "open", dueBefore: addDays(today, 1), limit: TODAY_LIMIT });
    const due = await findDueContacts(tx, ctx.userId, config, { tz, today, now, limit: TODAY_LIMIT });
    const sessions = await findSessionsOn(tx, ctx.userId, { day: today, tz, limit: TODAY_LIMIT });
    const birthdays = await findOccasions(tx, ctx.userId, {
      today,
      tz,
      ahead: config.birthdaysAheadDays,
      limit: TODAY_LIMIT,
    });
    const hasData =
      tasks.items.length + due.items.length + sessions.length + birthdays.length > 0 ||
      (
        await tx.execute<{ x: boolean }>(sql`SELECT (
          EXISTS (SELECT 1 FROM contacts WHERE user_id = ${ctx.userId} AND deleted_at IS NULL)
          OR EXISTS (SELECT 1 FROM tasks WHERE user_id = ${ctx.userId})) AS x`)
      ).rows[0]!.x === true;
    return {
      date: today,
      timeZone: tz,
      tasks: tasks.items,
      dueContacts: due.items,
      dueContactsMore: due.more,
      sessions,
      birthdays,
      hasData,
    };
  });
}
