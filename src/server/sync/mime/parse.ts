import { parseAddressList, type Address } from "./addresses";
import { decodeCharset } from "./charset";
import { decodeHeaderValue } from "./encoded-words";
import { header, parseHeaderBlock, parseParams, type Headers } from "./headers";
import { decodeTransfer } from "./transfer";

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

type Leaf = { text: string | null; html: string | null; attachments: Attachment[] };

const MAX_DEPTH = 20;
const MAX_PARTS = 500;

/** Parses an RFC 5322 message (raw bytes or a latin1 "binary string"). Pure and fast. */
export function parseMessage(raw: Buffer | string): ParsedMessage {
  const bin = typeof raw === "string" ? raw : raw.toString("latin1");
  const { headers, body } = splitPart(bin);
  const leaf: Leaf = { text: null, html: null, attachments: [] };
  walk(headers, body, leaf, 0, { parts: 0 });
  const dateRaw = header(headers, "date");
  const date = dateRaw ? new Date(dateRaw.replace(/\s*\([^)]*\)\s*$/, "")) : null;
  const listId = header(headers, "list-id");
  return {
    headers,
    subject: decodeHeaderValue(header(headers, "subject") ?? "").trim(),
    from: parseAddressList(header(headers, "from"))[0] ?? null,
    to: parseAddressList(allOf(headers, "to")),
    cc: parseAddressList(allOf(headers, "cc")),
    replyTo: parseAddressList(header(headers, "reply-to")),
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    messageId: header(headers, "message-id") ?? null,
    listId: listId ? decodeHeaderValue(listId) : null,
    text: leaf.text,
    html: leaf.html,
    attachments: leaf.attachments,
  };
}

function allOf(h: Headers, name: string): string | undefined {
  const v = h.get(name);
  return v ? v.join(", ") : undefined;
}

function splitPart(bin: string): { headers: Headers; body: string } {
  const crlf = bin.indexOf("\r\n\r\n");
  const lf = bin.indexOf("\n\n");
  let end: number;
  let sep: number;
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) [end, sep] = [crlf, 4];
  else if (lf >= 0) [end, sep] = [lf, 2];
  else [end, sep] = [bin.length, 0];
  return { headers: parseHeaderBlock(bin.slice(0, end)), body: bin.slice(end + sep) };
}

function walk(h: Headers, body: string, out: Leaf, depth: number, count: { parts: number }): void {
  if (++count.parts > MAX_PARTS) return;
  const ct = parseParams(header(h, "content-type") ?? "text/plain; charset=us-ascii");
  const type = ct.value || "text/plain";
  if (type.startsWith("multipart/") && ct.params.boundary && depth < MAX_DEPTH) {
    for (const part of splitMultipart(body, ct.params.boundary)) {
      const p = splitPart(part);
      walk(p.headers, p.body, out, depth + 1, count);
    }
    return;
  }
  if (type === "message/rfc822") {
    out.attachments.push({ filename: null, mimeType: type, size: body.length });
    return;
  }
  const disp = parseParams(header(h, "content-disposition"));
  const filename = disp.params.filename ?? ct.params.name ?? null;
  const cte = header(h, "content-transfer-encoding");
  const isAttachment = disp.value === "attachment" || (filename !== null && !type.startsWith("text/"));
  if (!isAttachment && type === "text/plain" && out.text === null) {
    out.text = decodeCharset(decodeTransfer(body, cte), ct.params.charset);
  } else if (!isAttachment && type === "text/html" && out.html === null) {
    out.html = decodeCharset(decodeTransfer(body, cte), ct.params.charset);
  } else if (isAttachment || filename !== null || !type.startsWith("text/")) {
    // Attachments are only sized, never kept: base64 is measured without decoding it.
    out.attachments.push({ filename, mimeType: type, size: decodedSize(body, cte) });
  }
}

function splitMultipart(body: string, boundary: string): string[] {
  const delim = "--" + boundary;
  const parts: string[] = [];
  let pos = body.indexOf(delim);
  while (pos >= 0) {
    let start = pos + delim.length;
    if (body.startsWith("--", start)) break; // closing delimiter
    start = body.indexOf("\n", start);
    if (start < 0) break;
    start += 1;
    const next = body.indexOf("\n" + delim, start);
    const end = next < 0 ? body.length : next;
    // The CRLF before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    parts.push(body.slice(start, end > start && body[end - 1] === "\r" ? end - 1 : end));
    if (next < 0) break;
    pos = next + 1;
  }
  return parts;
}

function decodedSize(body: string, cte: string | undefined): number {
  if ((cte ?? "").trim().toLowerCase() !== "base64") return decodeTransfer(body, cte).length;
  let chars = 0;
  let pad = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 61) pad++;
    else if (c > 32) chars++;
  }
  return Math.floor(((chars + pad) * 3) / 4) - pad;
}
