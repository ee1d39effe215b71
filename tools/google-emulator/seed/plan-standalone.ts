// Plans for messages that never continue a thread: invoices, notifications,
// newsletters, forums, social, referrals, bounces, chats, drafts and spam.
import type { MailKind, MailPlan } from "./mail-plan";
import { COLLEAGUES, type Persona } from "./personas";
import type { Rng } from "./prng";
import { BOOKING, FORUM, NEWSLETTERS, PAYMENTS, SERVICE_LABEL, SOCIAL } from "./senders";

export const DAY = 86_400_000;

/** Recent mail is mostly unread; older mail mostly read. */
export function unread(rng: Rng, date: number, now: number): string[] {
  return rng.chance(now - date < 5 * DAY ? 0.7 : 0.08) ? ["UNREAD"] : [];
}

export function planStandalone(kind: MailKind, base: MailPlan, rng: Rng, p: Persona, now: number): MailPlan {
  const { n, date } = base;
  const inbound = ["INBOX", "CATEGORY_PERSONAL", ...unread(rng, date, now)];
  switch (kind) {
    case "invoice":
      return {
        ...base,
        subject: `Invoice #${1000 + n} — Stillwater Wellness`,
        labels: ["SENT", "Label_2"],
        attachment: true,
      };
    case "booking": {
      const source = rng.int(0, BOOKING.subjects.length - 1);
      const when = new Date(date + rng.int(1, 9) * DAY).toUTCString().slice(0, 11);
      const subject = fill(BOOKING.subjects[source], {
        name: p.name,
        service: SERVICE_LABEL[p.service],
        date: when,
      });
      return {
        ...base,
        source,
        subject,
        labels: ["INBOX", "CATEGORY_UPDATES", ...unread(rng, date, now)],
        attachment: source === 0 && rng.chance(0.5),
      };
    }
    case "payment": {
      const source = rng.int(0, PAYMENTS.subjects.length - 1);
      const subject = fill(PAYMENTS.subjects[source], {
        name: p.name,
        amount: `${rng.pick([85, 95, 120, 150, 480])}.00`,
      });
      return { ...base, source, subject, labels: ["INBOX", "CATEGORY_UPDATES", "Label_2"] };
    }
    case "newsletter": {
      const source = rng.int(0, NEWSLETTERS.length - 1);
      const s = NEWSLETTERS[source] ?? NEWSLETTERS[0]!;
      const box = rng.chance(0.12) ? "TRASH" : "INBOX";
      return {
        ...base,
        source,
        subject: rng.pick(s.subjects),
        labels: [box, s.category, ...unread(rng, date, now)],
      };
    }
    case "forum": {
      const subject = rng.pick(FORUM.subjects);
      return {
        ...base,
        subject: rng.chance(0.4) ? `Re: ${subject}` : subject,
        labels: ["INBOX", "CATEGORY_FORUMS"],
      };
    }
    case "social": {
      const source = rng.int(0, SOCIAL.length - 1);
      const subject = fill(rng.pick((SOCIAL[source] ?? SOCIAL[0]!).subjects), { name: p.name });
      return {
        ...base,
        source,
        subject,
        labels: ["INBOX", "CATEGORY_SOCIAL", ...unread(rng, date, now)],
      };
    }
    case "referral": {
      const other = rng.int(0, COLLEAGUES.length - 1);
      const subject = `Introduction: ${p.name} (referral from ${COLLEAGUES[other]?.first ?? "a colleague"})`;
      return { ...base, other, subject, labels: [...inbound, "Label_3"] };
    }
    case "bounce":
      return {
        ...base,
        subject: "Delivery Status Notification (Failure)",
        labels: ["INBOX", "CATEGORY_PERSONAL", "UNREAD"],
      };
    case "chat":
      return { ...base, subject: `Chat with ${p.name}`, labels: ["CHAT"] };
    case "draft":
      return { ...base, subject: "Autumn retreat — draft announcement", labels: ["DRAFT"] };
    case "spam":
      return {
        ...base,
        subject: "Congratulations! You’ve been selected for a FREE retreat",
        labels: ["SPAM", "UNREAD"],
      };
    default:
      throw new Error(`${kind} messages belong to a thread`);
  }
}

function fill(template: string | undefined, vars: Record<string, string>): string {
  return (template ?? "").replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}
