import { and, eq, isNotNull, ne } from "drizzle-orm";
import ical from "ical-generator";
import type { SystemCtx } from "../context";
import { calendarFeeds, tasks } from "../db/schema/followups";
import { withSystem, withUser } from "../db/with-user";
import { AppError } from "../errors";
import { addDays, localToday } from "../followups/local-time";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { findDueContacts } from "../rhythms/find-due-contacts";
import { readRhythmConfig } from "../rhythms/rhythm-config";
import { describeRhythm } from "../rhythms/rhythm-math";
import { hashFeedToken, isFeedToken } from "./feed-token";

const MAX_TASKS = 500;
const MAX_FOLLOW_UPS = 200;

/** UTC midnight of a date: ical-generator writes all-day dates from UTC fields. */
const dayStart = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The ICS body of a secret feed: open dated tasks (timed ones as 30-minute events, the rest
 * all-day, recurring ones with their RRULE) and people due for contact (an all-day event on
 * today, or on the day they fall due within the next weeks). Unknown or revoked token: 404.
 */
export async function renderFeed(sys: SystemCtx, input: { token: string; origin: string }): Promise<string> {
  const token = input.token.replace(/\.ics$/, "");
  if (!isFeedToken(token)) throw new AppError("not_found");
  const hash = hashFeedToken(token);
  const [feed] = await withSystem(sys.db, (tx) =>
    tx
      .select({ userId: calendarFeeds.userId })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.tokenSha256, hash)),
  );
  if (!feed) throw new AppError("not_found");
  const ctx = { db: sys.db, userId: feed.userId, log: sys.log };
  return withUser(ctx, async (tx) => {
    const tz = await getUserTimeZone({ ...ctx, tx });
    const today = localToday(tz);
    const cal = ical({ name: "OmniCRM follow-ups", prodId: "//OmniCRM//follow-ups//EN", ttl: 3600 });
    const rows = await tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.userId, feed.userId), ne(tasks.status, "done"), isNotNull(tasks.dueOn)))
      .orderBy(tasks.sortKey)
      .limit(MAX_TASKS);
    for (const t of rows) {
      const common = {
        id: `task-${t.id}@omnicrm`,
        summary: t.title,
        description: t.notes ?? undefined,
        url: `${input.origin}/tasks?task=${t.id}`,
        repeating: t.rrule ? `RRULE:${t.rrule}` : undefined,
      };
      if (t.dueAt)
        cal.createEvent({ ...common, start: t.dueAt, end: new Date(t.dueAt.getTime() + 30 * 60_000) });
      else cal.createEvent({ ...common, start: dayStart(t.dueOn!), allDay: true });
    }
    const config = await readRhythmConfig(tx, feed.userId);
    // Who falls due in the next two weeks, not only today: a calendar looks ahead.
    const horizon = addDays(today, 14);
    const due = await findDueContacts(tx, feed.userId, config, {
      tz,
      today: horizon,
      now: new Date(),
      limit: MAX_FOLLOW_UPS,
    });
    for (const d of due.items) {
      const day = d.dueOn < today ? today : d.dueOn;
      cal.createEvent({
        id: `follow-up-${d.contactId}-${day}@omnicrm`,
        summary: `Check in with ${d.displayName}`,
        description: `${describeRhythm(d.everyDays)} · last contact ${d.lastInteractionAt?.slice(0, 10) ?? "never"}`,
        url: `${input.origin}/contacts/${d.contactId}`,
        start: dayStart(day),
        allDay: true,
      });
    }
    return cal.toString();
  });
}
