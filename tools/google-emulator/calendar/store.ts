// One account's primary calendar. Every change bumps a per-calendar sequence;
// sync tokens remember that sequence, so incremental sync is "changeSeq > token".
import { createRng, hashSeed } from "../seed/prng";
import type { EventTime } from "./time";

export type Attendee = {
  email: string;
  displayName?: string;
  responseStatus?: "needsAction" | "declined" | "tentative" | "accepted";
  organizer?: boolean;
  optional?: boolean;
};

export type Person = { email: string; displayName?: string };

/** Apps' own key/value tags on an event (Google keeps them and returns them on read). */
export type ExtendedProperties = { private?: Record<string, string>; shared?: Record<string, string> };

export type StoredEvent = {
  id: string;
  status: "confirmed" | "tentative" | "cancelled";
  summary?: string;
  description?: string;
  location?: string;
  start: EventTime;
  end: EventTime;
  created: number;
  updated: number;
  organizer: Person;
  creator: Person;
  attendees?: Attendee[];
  visibility?: "default" | "public" | "private" | "confidential";
  transparency?: "opaque" | "transparent";
  recurrence?: string[];
  extendedProperties?: ExtendedProperties;
  sequence: number;
  changeSeq: number;
};

export type EventSpec = Partial<Omit<StoredEvent, "created" | "updated" | "sequence" | "changeSeq">> & {
  start: EventTime;
  end: EventTime;
};

export type CalendarInit = {
  email: string;
  name: string;
  timeZone: string;
  seed: number;
  events: StoredEvent[];
};

export type CalendarStore = ReturnType<typeof createCalendarStore>;

export function createCalendarStore(init: CalendarInit) {
  const events = new Map<string, StoredEvent>();
  let seq = 0;
  let epoch = 1;
  const idRng = createRng(hashSeed(init.seed, 0xca1));
  for (const e of init.events) events.set(e.id, { ...e, changeSeq: ++seq });

  const mustGet = (id: string): StoredEvent => {
    const e = events.get(id);
    if (!e) throw new Error(`no event ${id}`);
    return e;
  };

  return {
    email: init.email,
    name: init.name,
    timeZone: init.timeZone,
    seq: () => seq,
    all: (): StoredEvent[] => [...events.values()],
    get: (id: string) => events.get(id),
    add(spec: EventSpec, now: number): StoredEvent {
      const id = spec.id ?? idRng.base32hex(26);
      if (events.has(id)) throw new Error(`event ${id} already exists`);
      const self: Person = { email: init.email, displayName: init.name };
      const e: StoredEvent = {
        status: "confirmed",
        organizer: self,
        creator: self,
        ...spec,
        id,
        created: now,
        updated: now,
        sequence: 0,
        changeSeq: ++seq,
      };
      events.set(id, e);
      return e;
    },
    update(id: string, patch: Partial<EventSpec>, now: number): StoredEvent {
      const e = mustGet(id);
      const moved = patch.start !== undefined || patch.end !== undefined;
      Object.assign(e, patch, {
        id,
        updated: Math.max(now, e.updated + 1),
        changeSeq: ++seq,
        sequence: e.sequence + (moved ? 1 : 0),
      });
      return e;
    },
    cancel(id: string, now: number): StoredEvent {
      const e = mustGet(id);
      Object.assign(e, { status: "cancelled", updated: Math.max(now, e.updated + 1), changeSeq: ++seq });
      return e;
    },
    /** Opaque like Google's ("CP…"), but carrying the epoch and sequence. */
    syncToken: (atSeq = seq): string => `CP${Buffer.from(`${epoch}:${atSeq}`).toString("base64url")}`,
    readSyncToken(token: string): { seq: number } | "expired" | "invalid" {
      const [e, s] = Buffer.from(token.slice(2), "base64url").toString().split(":").map(Number);
      if (!token.startsWith("CP") || !Number.isInteger(e) || !Number.isInteger(s)) return "invalid";
      return e === epoch ? { seq: s as number } : "expired";
    },
    expireSyncTokens(): void {
      epoch++;
    },
  };
}
