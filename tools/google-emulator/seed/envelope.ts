// Who sent what to whom, derived from a plan. Used both for cached metadata
// (q filters like from:/to:) and for rendering headers, so they always agree.
import type { AccountIdentity, MailPlan } from "./mail-plan";
import { COLLEAGUES, type Persona } from "./personas";
import { BOOKING, DAEMON, FORUM, NEWSLETTERS, PAYMENTS, SOCIAL, SPAM_SENDER } from "./senders";

export type Addr = { name: string; email: string };
export type Envelope = { from: Addr; to: Addr[]; cc: Addr[]; replyTo?: Addr; fromMe: boolean };
export type Corpus = { seed: number; account: AccountIdentity; personas: Persona[]; plans: MailPlan[] };

const ACCOUNT_TZ = -480;

export function personaOf(corpus: Corpus, index: number): Persona {
  const p = corpus.personas[index] ?? corpus.personas[0];
  if (!p) throw new Error("corpus has no personas");
  return p;
}

export function envelopeOf(corpus: Corpus, plan: MailPlan): Envelope {
  const me: Addr = { name: corpus.account.name, email: corpus.account.email };
  const p = personaOf(corpus, plan.persona);
  const them: Addr = { name: p.name, email: p.email };
  const cc =
    plan.other !== undefined && plan.kind !== "referral" ? [addrOf(personaOf(corpus, plan.other))] : [];
  const inbound = (from: Addr, extra: Partial<Envelope> = {}): Envelope => ({
    from,
    to: [me],
    cc: [],
    fromMe: false,
    ...extra,
  });
  switch (plan.kind) {
    case "inquiry":
    case "followup":
      return inbound(them, { cc });
    case "chat":
      return inbound(them);
    case "reply":
    case "outreach":
    case "invoice":
    case "draft":
      return { from: me, to: [them], cc, fromMe: true };
    case "referral": {
      const colleague = COLLEAGUES[plan.other ?? 0] ?? COLLEAGUES[0]!;
      return inbound(addrOf(colleague), { cc: [them] });
    }
    case "booking":
      return inbound(addrOf(BOOKING));
    case "payment":
      return inbound(addrOf(PAYMENTS));
    case "newsletter":
      return inbound(addrOf(NEWSLETTERS[plan.source] ?? NEWSLETTERS[0]!));
    case "forum": {
      const list = addrOf(FORUM);
      return {
        from: { name: `${p.name} via ${FORUM.name}`, email: FORUM.email },
        to: [list],
        cc: [],
        replyTo: list,
        fromMe: false,
      };
    }
    case "social":
      return inbound(addrOf(SOCIAL[plan.source] ?? SOCIAL[0]!));
    case "bounce":
      return inbound(DAEMON);
    case "spam":
      return inbound(SPAM_SENDER);
  }
}

function addrOf(x: { name: string; email: string }): Addr {
  return { name: x.name, email: x.email };
}

export function senderTz(corpus: Corpus, plan: MailPlan, env: Envelope): number {
  if (env.fromMe) return ACCOUNT_TZ;
  if (["inquiry", "followup", "chat"].includes(plan.kind)) return personaOf(corpus, plan.persona).tzOffsetMin;
  return 0;
}

export function messageIdOf(corpus: Corpus, plan: MailPlan): string {
  const env = envelopeOf(corpus, plan);
  const domain = env.from.email.split("@")[1] ?? "mail.example";
  const host = domain.endsWith("gmail.com") ? "mail.gmail.com" : domain;
  return `<emu.${corpus.seed.toString(36)}.${plan.n.toString(36)}.${plan.date.toString(36)}@${host}>`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 5322 date in a fixed UTC offset, e.g. "Tue, 3 Sep 2025 10:15:00 -0700". */
export function rfc2822(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60_000);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  const time = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    .map((x) => String(x).padStart(2, "0"))
    .join(":");
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} ${off}`;
}

/** The "On …, X wrote:" line Gmail puts above quoted text. */
export function quoteAttribution(ms: number, offsetMin: number, from: Addr): string {
  const d = new Date(ms + offsetMin * 60_000);
  const h = d.getUTCHours();
  const time = `${h % 12 === 0 ? 12 : h % 12}:${String(d.getUTCMinutes()).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
  return `On ${WEEKDAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} at ${time} ${from.name} <${from.email}> wrote:`;
}
