import { DateTime } from "luxon";
import { describeRhythm } from "../rhythms/rhythm-math";
import type { Today } from "../today/schemas";

export type RenderedDigest = { subject: string; html: string; text: string; empty: boolean };

const esc = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

type Section = { title: string; lines: { text: string; href: string; note?: string }[] };

/**
 * The morning digest: the same items as the Today page, as HTML and plain text. Every
 * name and title is user or third-party text and is escaped in the HTML.
 */
export function renderDigest(t: Today, o: { origin: string; unsubscribeUrl: string }): RenderedDigest {
  const time = (iso: string) => DateTime.fromISO(iso).setZone(t.timeZone).toFormat("HH:mm");
  const day = DateTime.fromISO(t.date).toFormat("cccc d LLLL");
  const sections: Section[] = [];
  if (t.sessions.length)
    sections.push({
      title: "Sessions today",
      lines: t.sessions.map((s) => ({
        text: `${time(s.startsAt)} ${s.contacts.map((c) => c.displayName).join(", ") || s.title || "Session"}`,
        href: s.contacts[0] ? `${o.origin}/contacts/${s.contacts[0].id}` : `${o.origin}/`,
        note: s.contacts.find((c) => c.lastNote)?.lastNote ?? undefined,
      })),
    });
  if (t.tasks.length)
    sections.push({
      title: "Tasks due",
      lines: t.tasks.map((k) => ({
        text: `${k.title}${k.dueDate && k.dueDate < t.date ? ` (overdue since ${k.dueDate})` : ""}`,
        href: `${o.origin}/tasks?task=${k.id}`,
      })),
    });
  if (t.dueContacts.length)
    sections.push({
      title: "Due for contact",
      lines: t.dueContacts.map((d) => ({
        text: d.displayName,
        href: `${o.origin}/contacts/${d.contactId}`,
        note: `${describeRhythm(d.everyDays)} · ${d.lastInteractionAt ? `last seen ${d.daysSince} days ago` : "no contact yet"}`,
      })),
    });
  if (t.birthdays.length)
    sections.push({
      title: "Birthdays and anniversaries",
      lines: t.birthdays.map((b) => ({
        text: `${b.displayName}: ${b.kind === "birthday" ? "birthday" : `${plural(b.years ?? 1, "year")} as a client`}`,
        href: `${o.origin}/contacts/${b.contactId}`,
        note: b.inDays === 0 ? "today" : b.inDays === 1 ? "tomorrow" : `in ${b.inDays} days`,
      })),
    });
  const counts = [
    t.sessions.length && plural(t.sessions.length, "session"),
    t.tasks.length && plural(t.tasks.length, "task"),
    t.dueContacts.length && plural(t.dueContacts.length, "person", "people") + " to contact",
  ].filter(Boolean);
  const subject = counts.length ? `Your day: ${counts.join(", ")}` : `Your day: ${day}`;
  const text = [
    `${day}`,
    "",
    ...sections.flatMap((s) => [
      s.title.toUpperCase(),
      ...s.lines.map((l) => `- ${l.text}${l.note ? ` (${l.note})` : ""}\n  ${l.href}`),
      "",
    ]),
    `Open Today: ${o.origin}/`,
    `Stop these emails: ${o.unsubscribeUrl}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="margin:0;background:#FAF8F5;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1F2421">
<div style="max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${esc(day)}</h1>
${sections
  .map(
    (s) => `<h2 style="font-size:15px;margin:20px 0 8px;color:#4F7A64">${esc(s.title)}</h2>
<ul style="list-style:none;padding:0;margin:0">${s.lines
      .map(
        (l) =>
          `<li style="padding:8px 12px;margin:0 0 6px;background:#FFFFFF;border:1px solid #E6E2DC;border-radius:8px"><a href="${esc(l.href)}" style="color:#1F2421;text-decoration:none;font-weight:600">${esc(l.text)}</a>${l.note ? `<div style="color:#6B716C;font-size:13px">${esc(l.note)}</div>` : ""}</li>`,
      )
      .join("")}</ul>`,
  )
  .join("\n")}
<p style="margin:24px 0 0"><a href="${esc(o.origin)}/" style="background:#4F7A64;color:#fff;padding:8px 14px;border-radius:8px;text-decoration:none">Open Today</a></p>
<p style="margin:24px 0 0;color:#6B716C;font-size:12px">You get this because the morning digest is on in OmniCRM settings. <a href="${esc(o.unsubscribeUrl)}" style="color:#6B716C">Unsubscribe</a></p>
</div></body></html>`;
  return { subject, html, text, empty: sections.length === 0 };
}
