import PostalMime, { decodeWords } from "postal-mime";
import { mailboxes, type Address } from "./addresses";
import { fixCp1252 } from "./cp1252";
import type { Headers } from "./headers";

export type Attachment = { filename: string | null; mimeType: string; size: number };

export type ParsedMessage = {
  headers: Headers;
  subject: string;
  from: Address | null;
  to: Address[];
  cc: Address[];
  replyTo: Address[];
  date: Date | null;
  messageId: string | null;
  listId: string | null;
  text: string | null;
  html: string | null;
  attachments: Attachment[];
};

/** Largest raw message parsed; the rest of a larger one is never read (see normalize-email). */
export const MAX_RAW_BYTES = 10 * 1024 * 1024;

// postal-mime's own limits, tighter than its defaults: no mail a practitioner receives
// has 64 KB of headers, 200 parts or a MIME tree 20 deep.
const LIMITS = {
  maxNestingDepth: 20,
  maxHeadersSize: 256 * 1024,
  maxPartCount: 200,
  maxRfc822NestingDepth: 0,
};

const fixOpt = (s: string | undefined) => (s === undefined ? null : fixCp1252(s));

/**
 * Parses an RFC 5322 message with postal-mime (maintained, fuzzed, linear, with limits on
 * headers, parts and depth). Attachments are only sized, never kept. Untrusted input: call
 * it through `parseUntrusted` (worker pool, time budget), not on the web event loop.
 */
export async function parseMessage(raw: Uint8Array): Promise<ParsedMessage> {
  const m = await PostalMime.parse(raw.subarray(0, MAX_RAW_BYTES), {
    ...LIMITS,
    attachmentEncoding: "arraybuffer",
  });
  const headers: Headers = new Map();
  for (const h of m.headers) {
    const list = headers.get(h.key);
    if (list) list.push(h.value);
    else headers.set(h.key, [h.value]);
  }
  const listId = headers.get("list-id")?.[0];
  const date = m.date ? new Date(m.date) : null;
  return {
    headers,
    subject: fixCp1252(m.subject ?? "").trim(),
    from: mailboxes(m.from ? [m.from] : [])[0] ?? null,
    to: mailboxes(m.to),
    cc: mailboxes(m.cc),
    replyTo: mailboxes(m.replyTo),
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    messageId: m.messageId ?? null,
    listId: listId ? decodeWords(listId) : null,
    text: fixOpt(m.text),
    html: fixOpt(m.html),
    attachments: m.attachments.map((a) => ({
      filename: a.filename === null ? null : fixCp1252(a.filename),
      mimeType: a.mimeType,
      size: typeof a.content === "string" ? a.content.length : a.content.byteLength,
    })),
  };
}
