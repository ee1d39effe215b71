import { DateTime } from "luxon";
import type { SmtpMail } from "../mail/send-smtp-mail";
import type { BookingRow } from "./booking-dto";

export type MailKind = "confirmation" | "rescheduled" | "cancelled" | `reminder:${number}`;

export function formatWhen(d: Date, zone: string): string {
  const t = DateTime.fromJSDate(d, { zone });
  return `${t.toFormat("cccc d LLLL yyyy, HH:mm")} (${zone})`;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function heading(kind: MailKind, b: BookingRow): string {
  if (kind === "confirmation") return `Booked: ${b.title}`;
  if (kind === "rescheduled") return `Moved: ${b.title}`;
  if (kind === "cancelled") return `Cancelled: ${b.title}`;
  const min = Number(kind.split(":")[1]);
  const when =
    min >= 1440 && min % 1440 === 0 ? `in ${min / 1440} day(s)` : `in ${Math.round(min / 60) || 1} hour(s)`;
  return `Reminder: ${b.title} ${when}`;
}

/** The client's mail for one event of their booking, with the manage link (and ICS by the caller). */
export function clientMail(
  kind: MailKind,
  b: BookingRow,
  p: { practitionerName: string; zone: string; manageLink: string },
): Pick<SmtpMail, "subject" | "text" | "html"> {
  const when = formatWhen(b.startsAt, b.clientTimeZone ?? p.zone);
  const subject = `${heading(kind, b)} with ${p.practitionerName}`;
  const lines = [
    `Hello ${b.clientName ?? ""},`.trim(),
    "",
    kind === "cancelled"
      ? `Your ${b.title} with ${p.practitionerName} on ${when} is cancelled.`
      : `Your ${b.title} with ${p.practitionerName} is on ${when}.`,
    ...(b.location && kind !== "cancelled" ? [`Where: ${b.location}`] : []),
    "",
    ...(kind === "cancelled"
      ? [`Book again: ${p.manageLink}`]
      : [`Need to change it? Reschedule or cancel here: ${p.manageLink}`]),
  ];
  const text = lines.join("\n");
  const html = `<p>${lines
    .filter((l, i) => l !== "" || i > 0)
    .map((l) => esc(l))
    .join("<br>")
    .replace(esc(p.manageLink), `<a href="${esc(p.manageLink)}">${esc(p.manageLink)}</a>`)}</p>`;
  return { subject, text, html };
}

/** The practitioner's short notice of a booking change. */
export function practitionerMail(
  kind: MailKind,
  b: BookingRow,
  zone: string,
): Pick<SmtpMail, "subject" | "text"> {
  const when = formatWhen(b.startsAt, zone);
  const who = `${b.clientName ?? "A client"} <${b.clientEmail ?? "no email"}>`;
  const verb = kind === "confirmation" ? "booked" : kind === "rescheduled" ? "moved" : "cancelled";
  return {
    subject: `${b.clientName ?? "A client"} ${verb} ${b.title} — ${when}`,
    text: [
      `${who} ${verb} ${b.title} on ${when}.`,
      ...(b.clientPhone ? [`Phone: ${b.clientPhone}`] : []),
      ...(b.note ? ["", `Note: ${b.note}`] : []),
    ].join("\n"),
  };
}
