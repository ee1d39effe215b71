// Everything one emulator instance knows: accounts (mailbox + calendar each),
// OAuth grants, faults, quota and stats, plus a virtual clock anchored at `now`.
import { createCalendarStore, type CalendarStore } from "./calendar/store";
import { createDriveStore, type DriveStore } from "./drive/store";
import { seedDrive, type DriveSpec } from "./drive/seed";
import { createFaults } from "./faults";
import { createMailbox, type Mailbox } from "./gmail/mailbox";
import { createGrantStore } from "./oauth/grants";
import { createPushStore } from "./push/store";
import { createQuota } from "./quota";
import { seedCalendar } from "./seed/calendar-seed";
import { buildPersonas } from "./seed/personas";
import { hashSeed, hashString } from "./seed/prng";
import { createStats } from "./stats";

export type MailboxSpec = {
  messages?: number;
  seed?: number;
  days?: number;
  personas?: number;
  includeFixtures?: boolean;
  now?: Date | string | number;
};
export type CalendarSpec = {
  events?: number;
  seed?: number;
  timeZone?: string;
  pastDays?: number;
  futureDays?: number;
  now?: Date | string | number;
};
export type AccountSpec = {
  name?: string;
  seed?: number;
  mailbox?: MailboxSpec;
  calendar?: CalendarSpec;
  /** Drive files (default 12: most shared with clients, some from clients, some private). */
  drive?: DriveSpec;
  /** Extra send-as aliases (users.settings.sendAs.list), besides the primary address. */
  sendAs?: string[];
};

export type AccountProfile = {
  email: string;
  name: string;
  givenName: string;
  familyName: string;
  sub: string;
};
export type Account = {
  profile: AccountProfile;
  mailbox: Mailbox;
  calendar: CalendarStore;
  drive: DriveStore;
  sendAs: string[];
};

export type EmulatorConfig = {
  seed: number;
  clientId: string;
  clientSecret: string;
  autoConsent: boolean;
  accessTokenTtlSec: number;
  redirectUris?: string[];
  mailbox: MailboxSpec;
  calendar: CalendarSpec;
  drive?: DriveSpec;
  defaultEmail: string;
  defaultName: string;
  startNow: number;
  quota: { unitsPerMinute: number } | null;
};

export type EmulatorState = ReturnType<typeof createState>;

export function createState(cfg: EmulatorConfig) {
  const startedAt = Date.now();
  const accounts = new Map<string, Account>();
  const state = {
    cfg,
    baseUrl: "",
    accounts,
    grants: createGrantStore(cfg.accessTokenTtlSec),
    faults: createFaults(),
    quota: cfg.quota ? createQuota(cfg.quota.unitsPerMinute) : null,
    stats: createStats(),
    push: createPushStore(),
    /** Virtual "now": starts at cfg.startNow and advances in real time. */
    now: () => cfg.startNow + (Date.now() - startedAt),
    account: (email: string) => accounts.get(email.trim().toLowerCase()),
    addAccount(emailRaw: string, spec: AccountSpec = {}): Account {
      const email = emailRaw.trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error(`not an email address: ${emailRaw}`);
      if (accounts.has(email)) throw new Error(`account ${email} already exists`);
      const isDefault = email === cfg.defaultEmail;
      const seed = spec.seed ?? (isDefault ? cfg.seed : hashSeed(cfg.seed, hashString(email)));
      const profile = profileFor(email, spec.name ?? (isDefault ? cfg.defaultName : undefined));
      const m = { ...cfg.mailbox, ...spec.mailbox };
      const c = { ...cfg.calendar, ...spec.calendar };
      const now = accounts.size === 0 ? cfg.startNow : state.now();
      const personaCount = m.personas ?? 40;
      const mailbox = createMailbox({
        email,
        name: profile.name,
        seed: m.seed ?? seed,
        messages: m.messages ?? 200,
        days: m.days ?? 120,
        personas: personaCount,
        includeFixtures: m.includeFixtures ?? true,
        now: toMs(m.now) ?? now,
      });
      const timeZone = c.timeZone ?? "America/Los_Angeles";
      const events = seedCalendar({
        seed: c.seed ?? seed,
        count: c.events ?? 80,
        now: toMs(c.now) ?? now,
        timeZone,
        pastDays: c.pastDays ?? 90,
        futureDays: c.futureDays ?? 30,
        personas: buildPersonas(m.seed ?? seed, personaCount),
        account: { email, name: profile.name },
      });
      const calendar = createCalendarStore({
        email,
        name: profile.name,
        timeZone,
        seed: c.seed ?? seed,
        events,
      });
      const d = { ...cfg.drive, ...spec.drive };
      const drive = createDriveStore({ email, displayName: profile.name }, d.seed ?? seed);
      for (const f of seedDrive({
        seed: d.seed ?? seed,
        count: d.files ?? 12,
        now: toMs(m.now) ?? now,
        personas: buildPersonas(m.seed ?? seed, personaCount),
        account: { email, displayName: profile.name },
      }))
        drive.add(f, toMs(m.now) ?? now);
      const sendAs = (spec.sendAs ?? []).map((a) => a.trim().toLowerCase());
      const account: Account = { profile, mailbox, calendar, drive, sendAs };
      accounts.set(email, account);
      return account;
    },
    ensureAccount(email: string): Account {
      return state.account(email) ?? state.addAccount(email);
    },
    requireAccount(email: string): Account {
      const a = state.account(email);
      if (!a) throw new Error(`unknown account ${email}`);
      return a;
    },
  };
  return state;
}

function toMs(v: Date | string | number | undefined): number | undefined {
  return v === undefined ? undefined : new Date(v).getTime();
}

/** "jane.doe@x" → "Jane Doe"; `sub` is a stable 21-digit id like Google's. */
function profileFor(email: string, name?: string): AccountProfile {
  const derived = (email.split("@")[0] ?? email)
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
  const full = name ?? derived;
  const [givenName = full, ...rest] = full.split(" ");
  const h = hashString(email);
  const sub = `1${String(h).padStart(10, "0")}${String(hashSeed(h, 7)).padStart(10, "0")}`.slice(0, 21);
  return { email, name: full, givenName, familyName: rest.join(" "), sub };
}
