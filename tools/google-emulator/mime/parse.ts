// A small, forgiving MIME parser: enough to turn the emulator's own corpus (and
// hand-written fixtures) into Gmail's payload tree. Not a general-purpose parser.
import { decodeText } from "./charsets";
import { decodeWords } from "./encoded-words";
import { parseParamHeader } from "./params";
import { decodeTransfer } from "./transfer";

export type RawHeader = { name: string; value: string };

export type MimePart = {
  headers: RawHeader[];
  mimeType: string;
  params: Record<string, string>;
  filename: string;
  isAttachment: boolean;
  /** Transfer-decoded bytes (still in the part's charset); empty for multiparts. */
  body: Buffer;
  parts: MimePart[];
};

export function parseMessage(raw: Buffer): MimePart {
  return parsePart(raw, "text/plain");
}

export function headerValue(part: { headers: RawHeader[] }, name: string): string | undefined {
  const lower = name.toLowerCase();
  return part.headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

function parsePart(raw: Buffer, defaultType: string): MimePart {
  const { headers, body } = splitHeaders(raw);
  const ctype = parseParamHeader(headerValueOf(headers, "content-type") ?? defaultType);
  const disp = parseParamHeader(headerValueOf(headers, "content-disposition") ?? "");
  const filename = decodeWords(disp.params.filename ?? ctype.params.name ?? "");
  const part: MimePart = {
    headers,
    mimeType: ctype.value || defaultType,
    params: ctype.params,
    filename,
    isAttachment: disp.value === "attachment" || (filename !== "" && !ctype.value.startsWith("multipart/")),
    body: Buffer.alloc(0),
    parts: [],
  };
  const boundary = ctype.params.boundary;
  if (part.mimeType.startsWith("multipart/") && boundary) {
    const childDefault = part.mimeType === "multipart/digest" ? "message/rfc822" : "text/plain";
    part.parts = splitMultipart(body, boundary).map((chunk) => parsePart(chunk, childDefault));
  } else {
    part.body = decodeTransfer(body, headerValueOf(headers, "content-transfer-encoding"));
  }
  return part;
}

function headerValueOf(headers: RawHeader[], lower: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

function splitHeaders(raw: Buffer): { headers: RawHeader[]; body: Buffer } {
  let end = raw.indexOf("\r\n\r\n");
  let sepLen = 4;
  const lf = raw.indexOf("\n\n");
  if (end < 0 || (lf >= 0 && lf < end)) {
    end = lf;
    sepLen = 2;
  }
  if (end < 0) return { headers: parseHeaderBlock(raw.toString("utf8")), body: Buffer.alloc(0) };
  // Headers should be ASCII; 8-bit ones are usually UTF-8, so decode leniently.
  const block = decodeText(raw.subarray(0, end), "utf-8");
  return { headers: parseHeaderBlock(block), body: raw.subarray(end + sepLen) };
}

function parseHeaderBlock(block: string): RawHeader[] {
  const unfolded = block.replace(/\r?\n(?=[ \t])/g, "");
  const out: RawHeader[] = [];
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    out.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return out;
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const delim = Buffer.from(`--${boundary}`, "latin1");
  const chunks: Buffer[] = [];
  let contentStart = -1;
  let from = 0;
  for (;;) {
    const idx = body.indexOf(delim, from);
    if (idx < 0) break;
    from = idx + delim.length;
    if (idx > 0 && body[idx - 1] !== 0x0a) continue;
    if (contentStart >= 0) {
      let end = idx > 0 ? idx - 1 : 0;
      if (end > contentStart && body[end - 1] === 0x0d) end -= 1;
      chunks.push(body.subarray(contentStart, Math.max(contentStart, end)));
    }
    const isClose = body[from] === 0x2d && body[from + 1] === 0x2d;
    if (isClose) return chunks;
    const eol = body.indexOf(0x0a, from);
    if (eol < 0) break;
    contentStart = eol + 1;
  }
  return chunks;
}
