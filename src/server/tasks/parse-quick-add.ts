import * as chrono from "chrono-node";
import { DateTime } from "luxon";
import { localTimeToInstant } from "../followups/local-time";
import { instantDue, NO_DUE, type StoredDue } from "./due";

export const QUICK_ADD_MAX = 500;

/** Words left dangling at the end of a title once its date is cut out ("… by", "… on"). */
const TRAILING = new Set(["by", "on", "at", "due", "before", "until", "for"]);

export type QuickAdd = { title: string; due: StoredDue };

/**
 * "Call Anna tomorrow 9am" → title "Call Anna", due tomorrow 09:00 in the user's zone.
 * chrono-node reads the words against the user's wall clock (a reference date whose local
 * fields are the user's local time); the components it found are then placed in the
 * user's zone with luxon. No hour in the words → a date-only due.
 */
export function parseQuickAdd(text: string, tz: string, now: Date = new Date()): QuickAdd {
  const input = text.slice(0, QUICK_ADD_MAX).replace(/\s+/g, " ").trim();
  const wall = DateTime.fromJSDate(now, { zone: tz });
  const ref = new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const [hit] = chrono.parse(input, ref, { forwardDate: true });
  if (!hit) return { title: input, due: NO_DUE };
  const c = hit.start;
  const date = DateTime.fromObject(
    { year: c.get("year")!, month: c.get("month")!, day: c.get("day")! },
    { zone: "UTC" },
  ).toISODate()!;
  const due: StoredDue = c.isCertain("hour")
    ? instantDue(localTimeToInstant(date, c.get("hour") ?? 0, c.get("minute") ?? 0, tz), tz)
    : { dueOn: date, dueAt: null, sortKey: date };
  const words = `${input.slice(0, hit.index)} ${input.slice(hit.index + hit.text.length)}`
    .split(" ")
    .filter(Boolean);
  while (words.length > 1 && TRAILING.has(words[words.length - 1]!.toLowerCase())) words.pop();
  const title = words.join(" ").trim();
  return { title: title || input, due };
}
