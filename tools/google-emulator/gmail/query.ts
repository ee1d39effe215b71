// A subset of Gmail's search syntax for messages.list `q`. Unsupported operators
// (OR, braces, parentheses, size:, larger:, filename:, …) are ignored, so a
// query never fails — it may just match more than Gmail would.
import { CATEGORY_ALIASES, resolveLabel } from "./labels";

export type QueryableMessage = {
  internalDate: number;
  from: string;
  fromName: string;
  to: string[];
  cc: string[];
  subject: string;
  labelIds: string[];
  hasAttachment: boolean;
  messageIdHeader?: string;
};

export type CompiledQuery = { test(m: QueryableMessage): boolean; mentionsSpamTrash: boolean };

type Predicate = (m: QueryableMessage) => boolean;

// Operator names may hold digits (rfc822msgid:); the lookbehind keeps a match from starting
// inside a word (linear, per eslint-plugin-regexp).
const TOKEN = /(-?)(?:(?<![a-z0-9_])([a-z][a-z0-9_]*):("[^"]*"|\S+)|("[^"]*"|\S+))/gi;
const DAY = 86_400_000;
const IN_LABELS: Record<string, string> = {
  inbox: "INBOX",
  sent: "SENT",
  chats: "CHAT",
  chat: "CHAT",
  drafts: "DRAFT",
  draft: "DRAFT",
  spam: "SPAM",
  trash: "TRASH",
  starred: "STARRED",
  important: "IMPORTANT",
  unread: "UNREAD",
};

export function compileQuery(q: string, now: number): CompiledQuery {
  const preds: Predicate[] = [];
  let mentionsSpamTrash = false;
  for (const m of q.matchAll(TOKEN)) {
    const negate = m[1] === "-";
    const op = m[2]?.toLowerCase();
    const value = unquote(m[3] ?? m[4] ?? "");
    if (!op && (value === "OR" || value === "AND")) continue;
    if (op === "in" && ["spam", "trash", "anywhere"].includes(value.toLowerCase())) mentionsSpamTrash = true;
    const pred = op ? operator(op, value.toLowerCase(), now) : word(value.toLowerCase());
    if (pred) preds.push(negate ? (x) => !pred(x) : pred);
  }
  return { test: (msg) => preds.every((p) => p(msg)), mentionsSpamTrash };
}

function operator(op: string, v: string, now: number): Predicate | null {
  const hasLabel = (id: string | undefined): Predicate | null => (id ? (m) => m.labelIds.includes(id) : null);
  switch (op) {
    case "newer_than":
    case "older_than": {
      const ms = relative(v);
      if (ms === null) return null;
      return op === "newer_than" ? (m) => m.internalDate > now - ms : (m) => m.internalDate < now - ms;
    }
    case "after":
    case "before": {
      const t = absolute(v);
      if (t === null) return null;
      return op === "after" ? (m) => m.internalDate >= t : (m) => m.internalDate < t;
    }
    case "from":
      return (m) =>
        m.from.includes(v) ||
        m.fromName.toLowerCase().includes(v) ||
        (v === "me" && m.labelIds.includes("SENT"));
    case "to":
      return (m) => [...m.to, ...m.cc].some((a) => a.includes(v));
    case "cc":
      return (m) => m.cc.some((a) => a.includes(v));
    case "subject":
      return (m) => m.subject.toLowerCase().includes(v);
    case "in":
      return v === "anywhere" ? () => true : hasLabel(IN_LABELS[v]);
    case "is":
      if (v === "read") return (m) => !m.labelIds.includes("UNREAD");
      return hasLabel(IN_LABELS[v]);
    case "category":
      return hasLabel(CATEGORY_ALIASES[v]);
    case "label":
      return hasLabel(resolveLabel(v));
    case "rfc822msgid": {
      const want = v.replace(/^<|>$/g, "");
      return (m) => (m.messageIdHeader ?? "").toLowerCase().replace(/^<|>$/g, "") === want;
    }
    case "has":
      return v === "attachment" ? (m) => m.hasAttachment : null;
    default:
      return null;
  }
}

function word(v: string): Predicate | null {
  if (!v) return null;
  return (m) =>
    m.subject.toLowerCase().includes(v) || m.from.includes(v) || m.fromName.toLowerCase().includes(v);
}

function relative(v: string): number | null {
  const m = /^(\d+)([dmy])$/.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  return n * DAY * (m[2] === "d" ? 1 : m[2] === "m" ? 30 : 365);
}

/** after:/before: take YYYY/MM/DD (UTC midnight here; Gmail uses the account's zone) or epoch seconds. */
function absolute(v: string): number | null {
  if (/^\d{9,}$/.test(v)) return Number(v) * 1000;
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(v);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') && s.length >= 2 ? s.slice(1, -1) : s;
}
