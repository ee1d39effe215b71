// Bodies (and list headers) of machine-sent mail: bookings, payments,
// newsletters, forum digests, social notifications, bounces and spam.
import { attachmentLeaf, multipart, textLeaf, type HeaderList, type MimeNode } from "../mime/build";
import { icsInvite } from "./attachments";
import { personaOf, rfc2822, type Corpus } from "./envelope";
import { escapeHtml, newsletterHtml } from "./html";
import type { MailPlan } from "./mail-plan";
import { createRng, hashSeed } from "./prng";
import { BOOKING, FORUM, NEWSLETTERS, SERVICE_LABEL, SOCIAL, type AutoSender } from "./senders";

export type AutomatedBody = { root: MimeNode; headers: HeaderList };

function listHeaders(s: AutoSender): HeaderList {
  const h: HeaderList = [];
  if (s.listId) h.push(["List-Id", s.listId]);
  if (s.unsubscribe)
    h.push(["List-Unsubscribe", s.unsubscribe], ["List-Unsubscribe-Post", "List-Unsubscribe=One-Click"]);
  return h;
}

export function renderAutomated(corpus: Corpus, plan: MailPlan): AutomatedBody {
  const rng = createRng(hashSeed(corpus.seed, plan.n, 0xa70));
  const p = personaOf(corpus, plan.persona);
  switch (plan.kind) {
    case "booking": {
      const html = `<html><body><h2>${escapeHtml(plan.subject)}</h2><p>Client: <b>${escapeHtml(p.name)}</b> (${p.email})<br>Service: ${SERVICE_LABEL[p.service]}</p><p><a href="https://bookwell.com/manage/emu-${plan.n}">Manage booking</a></p><p style="color:#999">Sent by BookWell on behalf of Stillwater Wellness. Do not reply to this email.</p></body></html>`;
      const htmlPart = textLeaf(html, { html: true });
      if (!plan.attachment) return { root: htmlPart, headers: [] };
      const ics = icsInvite({
        uid: `bookwell-${corpus.seed}-${plan.n}@bookwell.com`,
        start: plan.date + 3 * 86_400_000,
        minutes: 60,
        summary: `${SERVICE_LABEL[p.service]} with ${p.name}`,
        organizer: BOOKING.email,
        attendees: [
          { name: p.name, email: p.email },
          { name: corpus.account.name, email: corpus.account.email },
        ],
      });
      const invite = attachmentLeaf("invite.ics", "text/calendar", ics, { method: "REQUEST" });
      return { root: multipart("mixed", [htmlPart, invite]), headers: [] };
    }
    case "payment": {
      const text = `${plan.subject}\n\nCustomer: ${p.name} <${p.email}>\nDescription: ${SERVICE_LABEL[p.service]}\n\nView this payment in your dashboard: https://dashboard.payflow.com/payments/py_emu${plan.n}\n\n— The PayFlow team`;
      const html = `<html><body><p style="font-size:18px">${escapeHtml(plan.subject)}</p><p>Customer: ${escapeHtml(p.name)}</p></body></html>`;
      // Some senders base64 even their text parts; keep one such source in the corpus.
      return {
        root: multipart("alternative", [
          textLeaf(text, { transfer: "base64" }),
          textLeaf(html, { html: true, transfer: "base64" }),
        ]),
        headers: [],
      };
    }
    case "newsletter": {
      const s = NEWSLETTERS[plan.source] ?? NEWSLETTERS[0]!;
      const unsubscribeUrl = `https://${s.email.split("@")[1]}/u/emu`;
      const text = `${plan.subject}\n\n${s.lines.join("\n\n")}\n\nUnsubscribe: ${unsubscribeUrl}`;
      const html = newsletterHtml(plan.subject, s.lines, unsubscribeUrl);
      return {
        root: multipart("alternative", [textLeaf(text), textLeaf(html, { html: true })]),
        headers: [...listHeaders(s), ["Precedence", "bulk"]],
      };
    }
    case "forum": {
      const text = `${rng.pick(FORUM.lines)}\n\n${p.first}\n\n--\nYou received this message because you are subscribed to the "${FORUM.name}" group.\nTo unsubscribe from this group, send an email to bodywork-practitioners+unsubscribe@groups.example.org.`;
      const headers: HeaderList = [
        ...listHeaders(FORUM),
        ["List-Post", `<mailto:${FORUM.email}>`],
        ["Precedence", "list"],
        ["Mailing-list", `list ${FORUM.email}`],
      ];
      return { root: textLeaf(text, { transfer: "quoted-printable" }), headers };
    }
    case "social": {
      const s = SOCIAL[plan.source] ?? SOCIAL[0]!;
      const text = `${plan.subject}\n\n${s.lines.join("\n")}\n\nhttps://${s.email.split("@")[1]}/notifications`;
      const html = `<html><body><table><tr><td><b>${escapeHtml(plan.subject)}</b></td></tr>${s.lines.map((l) => `<tr><td>${escapeHtml(l)}</td></tr>`).join("")}</table></body></html>`;
      return {
        root: multipart("alternative", [textLeaf(text), textLeaf(html, { html: true })]),
        headers: [],
      };
    }
    case "bounce": {
      const bad = p.email.replace("@", "@@").replace("@@", "@mail.");
      const text = `** Address not found **\n\nYour message wasn't delivered to ${bad} because the domain ${bad.split("@")[1]} couldn't be found.\n\nThe response was:\n\nDNS Error: DNS type 'mx' lookup of ${bad.split("@")[1]} responded with code NXDOMAIN`;
      const status = `Reporting-MTA: dns; googlemail.com\r\n\r\nFinal-Recipient: rfc822; ${bad}\r\nAction: failed\r\nStatus: 5.1.2\r\nDiagnostic-Code: smtp; DNS type 'mx' lookup responded with code NXDOMAIN\r\n`;
      const original = `From: ${corpus.account.name} <${corpus.account.email}>\r\nTo: ${bad}\r\nSubject: Your session on Thursday\r\nDate: ${rfc2822(plan.date - 60_000, -480)}\r\n`;
      const parts: MimeNode[] = [
        textLeaf(text, { transfer: "7bit" }),
        {
          kind: "leaf",
          mimeType: "message/delivery-status",
          body: Buffer.from(status, "latin1"),
          transfer: "7bit",
        },
        {
          kind: "leaf",
          mimeType: "text/rfc822-headers",
          body: Buffer.from(original, "latin1"),
          transfer: "7bit",
        },
      ];
      return {
        root: multipart("report", parts, { "report-type": "delivery-status" }),
        headers: [["Auto-Submitted", "auto-replied"]],
      };
    }
    default: {
      const html = `<html><body><h1>Congratulations!</h1><p>You’ve been selected for a <b>FREE</b> 7-day retreat worth €2,500. Claim within 24 hours…</p><p><a href="https://prize-center.biz/claim">CLAIM NOW</a></p></body></html>`;
      return { root: textLeaf(html, { html: true, charset: "windows-1252" }), headers: [] };
    }
  }
}

export const AUTOMATED_KINDS = new Set([
  "booking",
  "payment",
  "newsletter",
  "forum",
  "social",
  "bounce",
  "spam",
]);
