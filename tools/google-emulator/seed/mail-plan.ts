// Plans the generated mailbox: one small record per message (kind, date,
// people, thread, labels, subject). Bodies are rendered later, on demand.
import { INQUIRY_SUBJECTS, OUTREACH_SUBJECTS } from "./content-en";
import { INTL } from "./content-intl";
import type { Persona } from "./personas";
import { DAY, planStandalone, unread } from "./plan-standalone";
import { createRng, hashSeed, type Rng } from "./prng";

export type MailPlan = {
  n: number;
  kind: MailKind;
  date: number;
  persona: number;
  /** Cc'd persona, or the colleague index for referrals. */
  other?: number;
  parent?: number;
  root: number;
  subject: string;
  labels: string[];
  source: number;
  attachment: boolean;
};

export type AccountIdentity = { email: string; name: string; first: string };
export type PlanConfig = { seed: number; count: number; now: number; days: number; personas: Persona[] };

// Relative frequency of each kind of message in a generated mailbox.
const KIND_WEIGHTS = {
  inquiry: 14,
  followup: 9,
  reply: 13,
  outreach: 4,
  invoice: 4,
  booking: 8,
  payment: 5,
  newsletter: 10,
  forum: 5,
  social: 5,
  referral: 3,
  bounce: 1,
  chat: 2,
  draft: 2,
  spam: 2,
};
export type MailKind = keyof typeof KIND_WEIGHTS;
const WEIGHTS = Object.entries(KIND_WEIGHTS) as Array<[MailKind, number]>;

const CP1252_SUBJECTS = [
  "Quick question about the “Slow Flow” series",
  "Re-booking — is the €85 rate still right?",
];

type Thread = {
  root: number;
  last: number;
  persona: number;
  subject: string;
  lastFromMe: boolean;
  size: number;
};

export function planMailbox(cfg: PlanConfig): MailPlan[] {
  const plans: MailPlan[] = [];
  const threads: Thread[] = [];
  const start = cfg.now - cfg.days * DAY;
  const slotMs = (cfg.days * DAY - 60_000) / Math.max(1, cfg.count);
  for (let n = 0; n < cfg.count; n++) {
    const rng = createRng(hashSeed(cfg.seed, n, 0x91a));
    const date = Math.floor(start + (n + rng.next() * 0.9) * slotMs);
    const plan = planOne(n, date, rng, cfg, threads);
    plans.push(plan);
  }
  return plans;
}

function planOne(n: number, date: number, rng: Rng, cfg: PlanConfig, threads: Thread[]): MailPlan {
  let kind = rng.weighted(WEIGHTS);
  const recent = threads.slice(-15).filter((t) => t.size < 6);
  const waiting = recent.filter((t) => (kind === "reply" ? !t.lastFromMe : t.lastFromMe));
  if ((kind === "reply" || kind === "followup") && waiting.length === 0)
    kind = kind === "reply" ? "outreach" : "inquiry";
  // Bias towards the fixed personas so legacy charsets show up even in small mailboxes.
  const persona = rng.chance(0.25)
    ? rng.int(0, Math.min(5, cfg.personas.length - 1))
    : rng.int(0, cfg.personas.length - 1);
  const p = cfg.personas[persona] as Persona;
  const base: MailPlan = {
    n,
    kind,
    date,
    persona,
    root: n,
    subject: "",
    labels: [],
    source: 0,
    attachment: false,
  };
  const inbound = ["INBOX", "CATEGORY_PERSONAL", ...unread(rng, date, cfg.now)];
  switch (kind) {
    case "reply":
    case "followup": {
      const t = rng.pick(waiting);
      const parent = t.last;
      t.last = n;
      t.lastFromMe = kind === "reply";
      t.size++;
      const subject = t.subject.startsWith("Re: ") ? t.subject : `Re: ${t.subject}`;
      const labels = kind === "reply" ? ["SENT"] : [...inbound, ...(rng.chance(0.3) ? ["IMPORTANT"] : [])];
      return { ...base, persona: t.persona, parent, root: t.root, subject, labels };
    }
    case "inquiry": {
      const subject =
        p.charset === "windows-1252"
          ? rng.pick(CP1252_SUBJECTS)
          : p.lang === "en"
            ? rng.pick(INQUIRY_SUBJECTS[p.service])
            : rng.pick(INTL[p.lang].subjects);
      threads.push({ root: n, last: n, persona, subject, lastFromMe: false, size: 1 });
      const other = rng.chance(0.15) ? rng.int(0, cfg.personas.length - 1) : undefined;
      const extra = [...(rng.chance(0.25) ? ["Label_1"] : []), ...(rng.chance(0.05) ? ["STARRED"] : [])];
      return {
        ...base,
        subject,
        other: other === persona ? undefined : other,
        labels: [...inbound, ...extra],
      };
    }
    case "outreach": {
      const source = rng.int(0, OUTREACH_SUBJECTS.length - 1);
      const subject = OUTREACH_SUBJECTS[source] ?? "Checking in";
      threads.push({ root: n, last: n, persona, subject, lastFromMe: true, size: 1 });
      return { ...base, source, subject, labels: ["SENT"] };
    }
    default:
      return planStandalone(kind, base, rng, p, cfg.now);
  }
}
