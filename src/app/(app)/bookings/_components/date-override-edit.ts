import { overrideSchema } from "@/server/booking/schemas";
import { textToRanges, type HourRange } from "./types";

export type DateOverride = { date: string; ranges: HourRange[] };

/**
 * A date override from the form: a day off, or that day's own hours as "09:00-12:00, 14:00-17:00".
 * Checked with the schema the API uses, so the form says what the API would refuse.
 */
export function parseOverride(
  date: string,
  hours: string,
  dayOff: boolean,
): { ok: true; value: DateOverride } | { ok: false; error: string } {
  if (!date) return { ok: false, error: "Choose a date." };
  const ranges = dayOff ? [] : textToRanges(hours);
  if (!dayOff && ranges.length === 0) return { ok: false, error: "Enter hours, or mark the day off." };
  const r = overrideSchema.safeParse({ date, ranges });
  if (!r.success) {
    const issue = r.error.issues[0];
    const msg = issue?.message ?? "Check the hours";
    return {
      ok: false,
      error: issue?.path[0] === "date" ? `Date: ${msg}.` : `Hours: ${msg} (e.g. 09:00-12:00).`,
    };
  }
  return { ok: true, value: r.data };
}

/** The list with `o` in date order, replacing an override for the same date. */
export function upsertOverride(list: DateOverride[], o: DateOverride): DateOverride[] {
  return [...list.filter((x) => x.date !== o.date), o].sort((a, b) => a.date.localeCompare(b.date));
}

/** Overrides from `today` on (older ones no longer affect any slot). */
export function upcomingOverrides(list: DateOverride[], today: string): DateOverride[] {
  return list.filter((o) => o.date >= today);
}

export function describeOverride(o: DateOverride): string {
  return o.ranges.length === 0 ? "Day off" : o.ranges.map((r) => `${r.start}–${r.end}`).join(", ");
}
