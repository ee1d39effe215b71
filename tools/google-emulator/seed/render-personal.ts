// Bodies of person-to-person mail: client inquiries and follow-ups, the
// practitioner's replies, invoices, referrals, chats and drafts.
import { canEncode, isAscii } from "../mime/charsets";
import { multipart, textLeaf, attachmentLeaf, type MimeNode } from "../mime/build";
import { invoicePdf } from "./attachments";
import { followupText, inquiryText, outreachText, replyText, signature, slot } from "./content-en";
import { INTL } from "./content-intl";
import { envelopeOf, personaOf, quoteAttribution, senderTz, type Corpus } from "./envelope";
import { gmailQuoteHtml, textToHtml, wrapHtml } from "./html";
import type { MailPlan } from "./mail-plan";
import { COLLEAGUES } from "./personas";
import { createRng, hashSeed } from "./prng";
import { SERVICE_LABEL } from "./senders";

const RENEE =
  "Hi {me},\n\nI’d love to join the “Slow Flow” series — is the €85 five-class pass still available? I can’t make Tuesdays though…\n\nThanks!\nRenée";

/** The message's own words (no quoted parent); deterministic from (seed, n). */
export function ownText(corpus: Corpus, plan: MailPlan): string {
  const rng = createRng(hashSeed(corpus.seed, plan.n, 0x7e7));
  const p = personaOf(corpus, plan.persona);
  const me = corpus.account.first;
  const fill = (t: string) => t.replace(/\{me\}/g, me);
  switch (plan.kind) {
    case "inquiry":
      if (p.charset === "windows-1252") return fill(RENEE);
      return p.lang === "en"
        ? inquiryText(rng, p.service, me, p.first)
        : fill(rng.pick(INTL[p.lang].inquiry));
    case "followup":
      return p.lang === "en" ? followupText(rng, me, p.first) : rng.pick(INTL[p.lang].followup);
    case "reply":
      return `${replyText(rng, p.first, me)}\n\n${signature(corpus.account.name)}`;
    case "outreach":
      return `${outreachText(rng, plan.source, p.first, me)}\n\n${signature(corpus.account.name)}`;
    case "invoice":
      return `Hi ${p.first},\n\nAttached is your invoice for ${SERVICE_LABEL[p.service]}. Total due: $${rng.pick([85, 120, 150])}.00.\nYou can pay by card at your next visit or reply to this email.\n\nThank you!\n${me}\n\n${signature(corpus.account.name)}`;
    case "referral": {
      const c = COLLEAGUES[plan.other ?? 0] ?? COLLEAGUES[0]!;
      return `Hi ${me},\n\nI'd like to introduce ${p.name}, who has been seeing me for shoulder and neck pain. I think ${p.first} would really benefit from regular ${p.service} with you. I've cc'd ${p.first} so you two can find a time.\n\nBest,\n${c.first}`;
    }
    case "chat":
      return rng.pick([
        `hey! are we still on for ${slot(rng)}?`,
        "running 5 min late, sorry!!",
        "thank you so much for today 🙏",
      ]);
    default:
      return `Hi all,\n\nSave the date: our autumn retreat is coming up. Three days of yoga, bodywork and quiet.\n\n${me}`;
  }
}

function quoted(corpus: Corpus, plan: MailPlan, outlookStyle: boolean): { text: string; html: string } {
  const parent = plan.parent === undefined ? undefined : corpus.plans[plan.parent];
  if (!parent) return { text: "", html: "" };
  const env = envelopeOf(corpus, parent);
  const parentText = ownText(corpus, parent);
  if (outlookStyle) {
    const header = `From: ${env.from.name} <${env.from.email}>\nSent: ${new Date(parent.date).toUTCString()}\nTo: ${env.to.map((a) => a.email).join("; ")}\nSubject: ${parent.subject}`;
    const text = `\n\n________________________________\n${header}\n\n${parentText}`;
    return { text, html: `<hr>${textToHtml(`${header}\n\n${parentText}`)}` };
  }
  const attribution = quoteAttribution(
    parent.date,
    senderTz(corpus, plan, envelopeOf(corpus, plan)),
    env.from,
  );
  const text = `\n\n${attribution}\n${parentText
    .split("\n")
    .map((l) => (l ? `> ${l}` : ">"))
    .join("\n")}`;
  return { text, html: gmailQuoteHtml(attribution, parentText) };
}

export function renderPersonal(corpus: Corpus, plan: MailPlan): MimeNode {
  const p = personaOf(corpus, plan.persona);
  const own = ownText(corpus, plan);
  const fromClient = plan.kind === "inquiry" || plan.kind === "followup";
  const q = quoted(corpus, plan, fromClient && p.mailClient === "outlook");
  const text = own + q.text;
  const html = wrapHtml(textToHtml(own) + q.html);
  if (plan.kind === "chat") return textLeaf(own, { transfer: "8bit" });
  if (plan.kind === "referral") return textLeaf(own, { transfer: "quoted-printable" });
  if (fromClient)
    return clientBody(canEncode(text, p.charset) ? p.charset : "UTF-8", p.mailClient, p.lang, text, html);
  const alt = multipart("alternative", [textLeaf(text), textLeaf(html, { html: true })]);
  if (plan.kind !== "invoice") return alt;
  const invoiceNo = `#${1000 + plan.n}`;
  const pdf = invoicePdf(invoiceNo, [
    `Client: ${p.name}`,
    `Service: ${SERVICE_LABEL[p.service]}`,
    "Stillwater Wellness",
  ]);
  return multipart("mixed", [alt, attachmentLeaf(`invoice-${1000 + plan.n}.pdf`, "application/pdf", pdf)]);
}

/** Each mail client has its own habits; legacy charsets stay in one text part. */
function clientBody(charset: string, client: string, lang: string, text: string, html: string): MimeNode {
  if (charset === "ISO-8859-1") return textLeaf(text, { charset, transfer: "quoted-printable" });
  if (charset === "KOI8-R") return textLeaf(text, { charset, transfer: "base64" });
  if (charset === "ISO-2022-JP") return textLeaf(text, { charset, transfer: "7bit" });
  if (charset === "windows-1252") {
    return multipart("alternative", [textLeaf(text, { charset }), textLeaf(html, { charset, html: true })]);
  }
  if (lang === "de") return textLeaf(text, { transfer: "base64" });
  if (client === "custom") return textLeaf(text, { transfer: "8bit", charset: "utf-8" });
  const ascii = isAscii(text);
  const textPart = textLeaf(text, { transfer: ascii && client === "gmail" ? "7bit" : "quoted-printable" });
  const htmlPart = textLeaf(html, {
    html: true,
    transfer: client === "yahoo" ? "base64" : "quoted-printable",
  });
  return multipart("alternative", [textPart, htmlPart]);
}
