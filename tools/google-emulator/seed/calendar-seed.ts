// A practitioner's calendar: 1:1 sessions with the same clients who email,
// weekly group classes, all-day blocks, private appointments, invitations from
// others, and some cancellations.
import { formatDateTime, zonedToInstant, wallTime } from "../calendar/time";
import type { Attendee, StoredEvent } from "../calendar/store";
import { COLLEAGUES, type Persona } from "./personas";
import { recurringClass } from "./calendar-classes";
import { createRng, hashSeed } from "./prng";

export type CalendarSeedConfig = {
  seed: number;
  count: number;
  now: number;
  timeZone: string;
  pastDays: number;
  futureDays: number;
  personas: Persona[];
  account: { email: string; name: string };
};

const DAY = 86_400_000;
const STUDIO = "Stillwater Studio, 12 Harbor St, Sausalito, CA";
const SUMMARY = { yoga: "Private yoga", massage: "Massage (60 min)", coaching: "Coaching session" } as const;
const KINDS = [
  ["session", 62],
  ["invited", 10],
  ["allday", 6],
  ["private", 8],
  ["cancelled", 8],
  ["declined", 6],
] as const;
const ALL_DAY = [
  "Studio closed — public holiday",
  "Yoga retreat: Big Sur",
  "Continuing education: myofascial release",
];
const PRIVATE = ["Dentist", "Pick up kids", "Accountant call", "Physio (me)"];

export function seedCalendar(cfg: CalendarSeedConfig): StoredEvent[] {
  const events: StoredEvent[] = [];
  const me = { email: cfg.account.email, displayName: cfg.account.name };
  const tz = cfg.timeZone;
  for (let i = 0; i < cfg.count; i++) {
    const rng = createRng(hashSeed(cfg.seed, i, 0xca7));
    const id = rng.base32hex(26);
    const day = Math.floor(cfg.now / DAY) - cfg.pastDays + rng.int(0, cfg.pastDays + cfg.futureDays);
    const w = wallTime(day * DAY, tz);
    const start = zonedToInstant(w.y, w.m, w.d, rng.int(8, 18), rng.pick([0, 30]), tz);
    const minutes = rng.pick([30, 60, 60, 90]);
    const timed = {
      start: { dateTime: formatDateTime(start, tz), timeZone: tz },
      end: { dateTime: formatDateTime(start + minutes * 60_000, tz), timeZone: tz },
    };
    const created = Math.min(cfg.now - 3_600_000, start - rng.int(1, 30) * DAY);
    const base = {
      id,
      created,
      updated: created + rng.int(0, 3_600_000),
      sequence: 0,
      changeSeq: 0,
      organizer: me,
      creator: me,
    };
    const p = rng.pick(cfg.personas);
    const client: Attendee = {
      email: p.email,
      displayName: p.name,
      responseStatus: rng.pick(["accepted", "accepted", "needsAction", "tentative"] as const),
    };
    const host: Attendee = {
      email: me.email,
      displayName: me.displayName,
      organizer: true,
      responseStatus: "accepted",
    };
    if (i < 2 && cfg.count >= 10) {
      events.push(recurringClass(rng, i, base, tz, cfg, host));
      continue;
    }
    const kind = rng.weighted(KINDS);
    const session = {
      ...base,
      ...timed,
      status: "confirmed" as const,
      summary: `${SUMMARY[p.service]} — ${p.name}`,
      location: rng.chance(0.8) ? STUDIO : "Google Meet",
      attendees: [host, client],
    };
    if (kind === "session")
      events.push({
        ...session,
        description: rng.chance(0.4) ? "Booked via BookWell. Intake form on file." : undefined,
      });
    else if (kind === "cancelled") events.push({ ...session, status: "cancelled" });
    else if (kind === "private")
      events.push({
        ...base,
        ...timed,
        status: "confirmed",
        summary: rng.pick(PRIVATE),
        visibility: "private",
      });
    else if (kind === "allday") {
      const date = new Date(day * DAY).toISOString().slice(0, 10);
      const end = new Date((day + rng.int(1, 3)) * DAY).toISOString().slice(0, 10);
      events.push({
        ...base,
        status: "confirmed",
        summary: rng.pick(ALL_DAY),
        start: { date },
        end: { date: end },
        transparency: "transparent",
      });
    } else {
      const other = rng.chance(0.5) ? rng.pick(COLLEAGUES) : p;
      const organizer = { email: other.email, displayName: other.name };
      const status =
        kind === "declined" ? "declined" : rng.pick(["needsAction", "accepted", "tentative"] as const);
      events.push({
        ...base,
        ...timed,
        status: "confirmed",
        organizer,
        creator: organizer,
        summary:
          other.role === "colleague" ? `Case consult with ${other.first}` : `Coffee with ${other.first}`,
        attendees: [
          { ...organizer, organizer: true, responseStatus: "accepted" },
          { email: me.email, displayName: me.displayName, responseStatus: status },
        ],
      });
    }
  }
  return events;
}
