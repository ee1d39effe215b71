// Expands simple recurring events (RRULE FREQ=DAILY|WEEKLY with INTERVAL,
// COUNT or UNTIL) into instances. BYDAY, EXDATE and per-instance exceptions are
// not supported: every instance repeats the master's weekday and time.
import {
  addDaysToDate,
  eventInstant,
  formatDateTime,
  wallTime,
  zonedToInstant,
  type EventTime,
} from "./time";

export type Rule = { stepDays: number; count?: number; until?: number };

const MAX_INSTANCES = 730;

export function parseRule(recurrence: string[] | undefined): Rule | null {
  const line = recurrence?.find((r) => r.startsWith("RRULE:"));
  if (!line) return null;
  const kv = Object.fromEntries(
    line
      .slice(6)
      .split(";")
      .map((p) => p.split("=") as [string, string]),
  );
  const base = kv.FREQ === "DAILY" ? 1 : kv.FREQ === "WEEKLY" ? 7 : null;
  if (base === null) return null;
  const until = kv.UNTIL ? parseUntil(kv.UNTIL) : undefined;
  return {
    stepDays: base * Math.max(1, Number(kv.INTERVAL ?? 1)),
    count: kv.COUNT ? Number(kv.COUNT) : undefined,
    until,
  };
}

function parseUntil(v: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(v);
  if (!m) return Number.MAX_SAFE_INTEGER;
  return Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 23),
    Number(m[5] ?? 59),
    Number(m[6] ?? 59),
  );
}

export type Occurrence = {
  start: EventTime;
  end: EventTime;
  startMs: number;
  endMs: number;
  idSuffix: string;
};

/** Occurrences in order; wall-clock time is preserved across DST changes, as Google does. */
export function occurrences(start: EventTime, end: EventTime, rule: Rule, calendarTz: string): Occurrence[] {
  const out: Occurrence[] = [];
  const tz = start.timeZone ?? calendarTz;
  const startMs = eventInstant(start, calendarTz);
  const duration = eventInstant(end, calendarTz) - startMs;
  const limit = Math.min(rule.count ?? MAX_INSTANCES, MAX_INSTANCES);
  const w = wallTime(startMs, tz);
  for (let k = 0; k < limit; k++) {
    const days = k * rule.stepDays;
    if (start.date) {
      const date = addDaysToDate(start.date, days);
      const s = eventInstant({ date }, calendarTz);
      if (rule.until !== undefined && s > rule.until) break;
      const endDate = addDaysToDate(end.date ?? date, days);
      out.push({
        start: { date },
        end: { date: endDate },
        startMs: s,
        endMs: eventInstant({ date: endDate }, calendarTz),
        idSuffix: date.replace(/-/g, ""),
      });
      continue;
    }
    const day = new Date(Date.UTC(w.y, w.m - 1, w.d + days));
    const s = zonedToInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), w.h, w.mi, tz);
    if (rule.until !== undefined && s > rule.until) break;
    const iso = new Date(s).toISOString();
    out.push({
      start: { dateTime: formatDateTime(s, tz), timeZone: tz },
      end: { dateTime: formatDateTime(s + duration, tz), timeZone: tz },
      startMs: s,
      endMs: s + duration,
      idSuffix: `${iso.slice(0, 10).replace(/-/g, "")}T${iso.slice(11, 19).replace(/:/g, "")}Z`,
    });
  }
  return out;
}
