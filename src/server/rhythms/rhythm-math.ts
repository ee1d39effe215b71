import { addDays, daysBetween, localDateOf, startOfLocalDay } from "../followups/local-time";

/**
 * Keep-in-touch maths on the user's calendar. A contact with rhythm N last seen on local
 * day D is due from local day D + N (whatever the clock did in between: DST changes move
 * no due date). The SQL side compares instants, so each rhythm becomes one cut-off instant:
 * "last seen before the start of local day (today − N + 1)".
 */
export function dueCutoff(everyDays: number, today: string, tz: string, marginDays = 0): Date {
  return startOfLocalDay(addDays(today, -(everyDays + marginDays) + 1), tz);
}

/** The local date from which a contact last seen at `last` is due. */
export function dueFrom(last: Date, everyDays: number, tz: string): string {
  return addDays(localDateOf(last, tz), everyDays);
}

/** Whether a contact last seen at `last` is due on local day `today`. */
export function isDue(last: Date, everyDays: number, today: string, tz: string): boolean {
  return dueFrom(last, everyDays, tz) <= today;
}

/** Whole local days since `last` (0 = today). */
export function daysSince(last: Date, today: string, tz: string): number {
  return daysBetween(localDateOf(last, tz), today);
}

/** "every 3 weeks", "every 10 days", "every day". */
export function describeRhythm(everyDays: number): string {
  if (everyDays === 1) return "every day";
  if (everyDays % 7 === 0) return everyDays === 7 ? "every week" : `every ${everyDays / 7} weeks`;
  return `every ${everyDays} days`;
}
