// Weekly group classes: the recurring events (RRULE) of a seeded calendar.
import { formatDateTime, wallTime, zonedToInstant } from "../calendar/time";
import type { Attendee, StoredEvent } from "../calendar/store";
import type { CalendarSeedConfig } from "./calendar-seed";
import type { Rng } from "./prng";

const DAY = 86_400_000;
const STUDIO = "Stillwater Studio, 12 Harbor St, Sausalito, CA";

export function recurringClass(
  rng: Rng,
  i: number,
  base: Omit<StoredEvent, "status" | "start" | "end">,
  tz: string,
  cfg: CalendarSeedConfig,
  host: Attendee,
): StoredEvent {
  const firstDay = Math.floor(cfg.now / DAY) - 56 + i * 2;
  const w = wallTime(firstDay * DAY, tz);
  const start = zonedToInstant(w.y, w.m, w.d, i === 0 ? 18 : 9, 0, tz);
  const students = Array.from({ length: rng.int(3, 6) }, () => rng.pick(cfg.personas)).filter(
    (p, k, all) => all.indexOf(p) === k,
  );
  return {
    ...base,
    created: start - 14 * DAY,
    updated: start - 14 * DAY,
    status: "confirmed",
    summary: i === 0 ? "Vinyasa Flow (group class)" : "Gentle Yoga for Back Care",
    location: STUDIO,
    start: { dateTime: formatDateTime(start, tz), timeZone: tz },
    end: { dateTime: formatDateTime(start + 75 * 60_000, tz), timeZone: tz },
    recurrence: ["RRULE:FREQ=WEEKLY;COUNT=12"],
    attendees: [
      host,
      ...students.map((p): Attendee => ({ email: p.email, displayName: p.name, responseStatus: "accepted" })),
    ],
  };
}
