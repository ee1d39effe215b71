// RFC 2047 encoded-words for non-ASCII header text (Subject, display names).
import { decodeText, encodeText } from "./charsets";

export type WordEncoding = "B" | "Q";

const MAX_WORD_PAYLOAD = 45; // bytes per word keeps each encoded-word under 75 chars

/** Encodes text as one or more encoded-words, folded with CRLF SP between words. */
export function encodeWords(text: string, charset = "UTF-8", encoding: WordEncoding = "B"): string {
  const chunks: string[] = [];
  let current = "";
  for (const ch of text) {
    // Never split a character across words: each word must decode on its own.
    if (encodeText(current + ch, charset).length > MAX_WORD_PAYLOAD && current) {
      chunks.push(current);
      current = "";
    }
    current += ch;
  }
  if (current) chunks.push(current);
  return chunks
    .map((chunk) => {
      const bytes = encodeText(chunk, charset);
      const payload = encoding === "B" ? bytes.toString("base64") : encodeQWord(bytes);
      return `=?${charset}?${encoding}?${payload}?=`;
    })
    .join("\r\n ");
}

function encodeQWord(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) {
    if (b === 0x20) out += "_";
    else if (/[A-Za-z0-9!*+\-/]/.test(String.fromCharCode(b)) && b < 0x80) out += String.fromCharCode(b);
    else out += `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

const WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/** Decodes every encoded-word; whitespace between adjacent words is dropped (RFC 2047 §6.2). */
export function decodeWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(?==\?)/g, "$1");
  return joined.replace(WORD, (_m, charset: string, enc: string, payload: string) => {
    const cs = charset.split("*")[0];
    const bytes = enc.toUpperCase() === "B" ? Buffer.from(payload, "base64") : decodeQWord(payload);
    return decodeText(bytes, cs);
  });
}

function decodeQWord(payload: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < payload.length; i++) {
    const ch = payload[i];
    const pair = payload.slice(i + 1, i + 3);
    if (ch === "_") out.push(0x20);
    else if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(pair)) {
      out.push(parseInt(pair, 16));
      i += 2;
    } else out.push(payload.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

export type AddressOptions = { charset?: string; encoding?: WordEncoding };

/** "Name <email>", quoting or encoding the display name as needed. */
export function formatAddress(name: string | undefined, email: string, opts: AddressOptions = {}): string {
  if (!name) return email;
  if (/[^\x20-\x7e]/.test(name))
    return `${encodeWords(name, opts.charset ?? "UTF-8", opts.encoding ?? "B")} <${email}>`;
  if (/[()<>@,;:\\".[\]]/.test(name)) return `"${name.replace(/(["\\])/g, "\\$1")}" <${email}>`;
  return `${name} <${email}>`;
}

export type ParsedAddress = { name: string; email: string };

/** Splits an address-list header (already encoded-word decoded or not). */
export function parseAddressList(value: string): ParsedAddress[] {
  const parts: string[] = [];
  let buf = "";
  let quoted = false;
  let angle = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === "<" && !quoted) angle = true;
    if (ch === ">" && !quoted) angle = false;
    if (ch === "," && !quoted && !angle) {
      parts.push(buf);
      buf = "";
    } else buf += ch;
  }
  parts.push(buf);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      // "Name <addr>": split at the last "<" (no regex: a name can be long and hostile).
      const lt = p.lastIndexOf("<");
      const m = lt >= 0 && p.endsWith(">") ? [p, p.slice(0, lt).trimEnd(), p.slice(lt + 1, -1)] : null;
      const rawName = m?.[1] ?? "";
      const name = decodeWords(rawName)
        .replace(/^"(.*)"$/, "$1")
        .replace(/\\(.)/g, "$1")
        .trim();
      return { name, email: (m?.[2] ?? p).trim().toLowerCase() };
    });
}
