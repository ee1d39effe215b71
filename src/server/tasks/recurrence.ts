import * as rruleModule from "rrule";

// rrule ships CommonJS for Node (named exports invisible to Node's ESM loader, as under tsx
// in the worker) and ESM for bundlers: take RRule from whichever shape this runtime loaded.
const RRule: typeof rruleModule.RRule =
  rruleModule.RRule ?? (rruleModule as unknown as { default: typeof rruleModule }).default.RRule;
import { z } from "zod";
import { localTimeToInstant } from "../followups/local-time";
import { instantDue, type StoredDue } from "./due";

const ALLOWED_FREQ = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);

/** Parses an RRULE ("FREQ=WEEKLY;BYDAY=TU", optional "RRULE:" prefix); null when unusable. */
export function parseRrule(rule: string): Partial<ConstructorParameters<typeof RRule>[0]> | null {
  const body = rule.trim().replace(/^RRULE:/i, "");
  if (!body || body.length > 300 || /DTSTART|\n/i.test(body)) return null;
  try {
    const opts = RRule.parseString(body);
    if (opts.freq === undefined || !ALLOWED_FREQ.has(opts.freq)) return null;
    return opts;
  } catch {
    return null;
  }
}

export const rruleSchema = z
  .string()
  .max(300)
  .refine((s) => parseRrule(s) !== null, {
    message: "Use a daily, weekly, monthly or yearly RRULE such as FREQ=WEEKLY;BYDAY=TU",
  })
  .transform((s) => s.trim().replace(/^RRULE:/i, ""));

/**
 * Occurrences are computed on the user's wall clock: the rule runs over "floating" times
 * (the local date and time written as if UTC, as rrule recommends) and each result is placed
 * back in the zone, so a weekly 9 am task stays at 9 am across DST changes.
 */
function floating(due: StoredDue): { start: Date; timed: boolean } {
  const [y, m, d] = due.dueOn!.split("-").map(Number) as [number, number, number];
  if (!due.dueAt) return { start: new Date(Date.UTC(y, m - 1, d)), timed: false };
  const [hh, mm] = due.sortKey!.slice(11, 16).split(":").map(Number) as [number, number];
  return { start: new Date(Date.UTC(y, m - 1, d, hh, mm)), timed: true };
}

function fromFloating(f: Date, timed: boolean, tz: string): StoredDue {
  const date = f.toISOString().slice(0, 10);
  if (!timed) return { dueOn: date, dueAt: null, sortKey: date };
  return instantDue(localTimeToInstant(date, f.getUTCHours(), f.getUTCMinutes(), tz), tz);
}

/** The occurrences after `due` (at most `count`), in the user's zone. */
export function expandRecurrence(rule: string, due: StoredDue, tz: string, count: number): StoredDue[] {
  const opts = parseRrule(rule);
  if (!opts || !due.dueOn) return [];
  const { start, timed } = floating(due);
  const r = new RRule({ ...opts, dtstart: start });
  const out: StoredDue[] = [];
  r.all((d, i) => {
    if (d.getTime() > start.getTime()) out.push(fromFloating(d, timed, tz));
    return i < count + 1 && out.length < count;
  });
  return out.slice(0, count);
}

/** The next occurrence after `due`, or null when the series has ended. */
export function nextOccurrence(rule: string, due: StoredDue, tz: string): StoredDue | null {
  return expandRecurrence(rule, due, tz, 1)[0] ?? null;
}
