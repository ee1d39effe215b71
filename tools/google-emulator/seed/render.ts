// Renders one planned message to RFC 822 bytes, on demand.
import { buildMessage, type HeaderList } from "../mime/build";
import { canEncode } from "../mime/charsets";
import { encodeWords, formatAddress, type WordEncoding } from "../mime/encoded-words";
import { envelopeOf, messageIdOf, personaOf, rfc2822, senderTz, type Addr, type Corpus } from "./envelope";
import type { MailPlan } from "./mail-plan";
import { AUTOMATED_KINDS, renderAutomated } from "./render-automated";
import { renderPersonal } from "./render-personal";

export function renderPlan(corpus: Corpus, plan: MailPlan): Buffer {
  const env = envelopeOf(corpus, plan);
  const fromClient = plan.kind === "inquiry" || plan.kind === "followup" || plan.kind === "chat";
  const preferred = fromClient
    ? personaOf(corpus, plan.persona).charset
    : plan.kind === "spam"
      ? "windows-1252"
      : "UTF-8";
  const people = [env.from, ...env.to, ...env.cc].map((a) => a.name).join("");
  const charset = canEncode(plan.subject + people, preferred) ? preferred : "UTF-8";
  // Latin charsets read naturally as Q; others (and half of UTF-8) use B, so both appear.
  const enc: WordEncoding =
    /^(ISO-8859-1|windows-1252)$/.test(charset) || (charset === "UTF-8" && plan.n % 2 === 1) ? "Q" : "B";
  const header = (s: string) => (/[^\x20-\x7e]/.test(s) ? encodeWords(s, charset, enc) : s);
  const addr = (a: Addr) => formatAddress(a.name, a.email, { charset, encoding: enc });
  const headers: HeaderList = [];
  if (!env.fromMe) headers.push(["Delivered-To", corpus.account.email]);
  headers.push(["Date", rfc2822(plan.date, senderTz(corpus, plan, env))], ["From", addr(env.from)]);
  if (env.replyTo) headers.push(["Reply-To", addr(env.replyTo)]);
  headers.push(["To", env.to.map(addr).join(", ")]);
  if (env.cc.length > 0) headers.push(["Cc", env.cc.map(addr).join(", ")]);
  headers.push(["Subject", header(plan.subject)], ["Message-ID", messageIdOf(corpus, plan)]);
  const refs = ancestors(corpus, plan).map((p) => messageIdOf(corpus, p));
  const parentRef = refs.at(-1);
  if (parentRef) headers.push(["In-Reply-To", parentRef], ["References", refs.join(" ")]);
  if (AUTOMATED_KINDS.has(plan.kind)) {
    const body = renderAutomated(corpus, plan);
    return buildMessage([...headers, ...body.headers], body.root, tagOf(corpus, plan));
  }
  return buildMessage(headers, renderPersonal(corpus, plan), tagOf(corpus, plan));
}

/** Root-first chain of messages this one replies to (for References). */
function ancestors(corpus: Corpus, plan: MailPlan): MailPlan[] {
  const chain: MailPlan[] = [];
  let cur = plan.parent === undefined ? undefined : corpus.plans[plan.parent];
  while (cur && chain.length < 20) {
    chain.unshift(cur);
    cur = cur.parent === undefined ? undefined : corpus.plans[cur.parent];
  }
  return chain;
}

function tagOf(corpus: Corpus, plan: MailPlan): string {
  return `${(corpus.seed >>> 0).toString(16)}${plan.n.toString(16).padStart(6, "0")}`;
}
