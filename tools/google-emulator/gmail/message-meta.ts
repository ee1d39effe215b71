// The small per-message record a mailbox keeps in memory (enough for list, q
// filters and threading), and how to derive it from RFC 822 bytes.
import { decodeWords, parseAddressList } from "../mime/encoded-words";
import { headerValue, parseMessage, type MimePart } from "../mime/parse";
import type { MailPlan } from "../seed/mail-plan";
import type { QueryableMessage } from "./query";

export type MessageMeta = QueryableMessage & {
  id: string;
  threadId: string;
  historyId: number;
  deleted: boolean;
  messageIdHeader?: string;
  source: { kind: "plan"; plan: MailPlan } | { kind: "raw"; raw: Buffer };
};

export type MetaFromRawOptions = {
  index: number;
  labelIds: string[];
  date?: number;
  threadId?: string;
  /** Message-ID header → meta, to thread replies by In-Reply-To/References. */
  byHeader: Map<string, MessageMeta>;
};

export function metaFromRaw(raw: Buffer, o: MetaFromRawOptions): MessageMeta {
  const head = parseMessage(raw);
  const h = (n: string) => headerValue(head, n) ?? "";
  const from = parseAddressList(h("From"))[0] ?? { name: "", email: "" };
  const refs = `${h("References")} ${h("In-Reply-To")}`.match(/<[^<>]+>/g) ?? [];
  const parent = refs.map((r) => o.byHeader.get(r)).find(Boolean);
  const internalDate = o.date ?? (Date.parse(h("Date")) || Date.now());
  const id = messageIdFor(internalDate, o.index);
  return {
    id,
    threadId: o.threadId ?? parent?.threadId ?? id,
    historyId: 0,
    deleted: false,
    messageIdHeader: h("Message-ID") || undefined,
    internalDate,
    from: from.email,
    fromName: from.name,
    to: parseAddressList(h("To")).map((a) => a.email),
    cc: parseAddressList(h("Cc")).map((a) => a.email),
    subject: decodeWords(h("Subject")),
    labelIds: o.labelIds,
    hasAttachment: hasAttachment(head),
    source: { kind: "raw", raw },
  };
}

/** Gmail ids are 16 hex digits that grow with time; index keeps them unique. */
export function messageIdFor(internalDate: number, index: number): string {
  const time = Math.floor(internalDate).toString(16).padStart(11, "0").slice(-11);
  return time + (index & 0xfffff).toString(16).padStart(5, "0");
}

function hasAttachment(part: MimePart): boolean {
  return (part.isAttachment && part.filename !== "") || part.parts.some(hasAttachment);
}

export function replyContext(meta: MessageMeta, raw: Buffer) {
  const head = parseMessage(raw);
  return {
    messageId: headerValue(head, "Message-ID") ?? "",
    references: headerValue(head, "References") ?? "",
    subject: meta.subject,
  };
}
