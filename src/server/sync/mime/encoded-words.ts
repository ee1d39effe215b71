import { decodeCharset } from "./charset";
import { decodeQuotedPrintable } from "./transfer";

const WORD = /=\?([^?\s]+)\?([bBqQ])\?(\S*?)\?=/g;

function wordBytes(enc: string, text: string): Buffer {
  return enc.toLowerCase() === "b"
    ? Buffer.from(text, "base64")
    : decodeQuotedPrintable(text.replace(/_/g, " "));
}

/**
 * Decodes RFC 2047 encoded words in a header value; raw 8-bit UTF-8 is accepted too.
 * Adjacent words are joined before decoding: encoders split multi-byte characters across
 * words, and the whitespace between two encoded words is not text (RFC 2047 §6.2).
 */
export function decodeHeaderValue(raw: string): string {
  let v = raw;
  if (/[\x80-\xff]/.test(v)) v = Buffer.from(v, "latin1").toString("utf8");
  if (!v.includes("=?")) return v;
  let out = "";
  let last = 0;
  let pending: { charset: string; chunks: Buffer[] } | null = null;
  const flush = () => {
    if (pending) out += decodeCharset(Buffer.concat(pending.chunks), pending.charset);
    pending = null;
  };
  for (const m of v.matchAll(WORD)) {
    const gap = v.slice(last, m.index);
    const charset = (m[1] ?? "utf-8").split("*")[0]!.toLowerCase();
    const bytes = wordBytes(m[2]!, m[3]!);
    const p = pending as { charset: string; chunks: Buffer[] } | null;
    if (p && /^\s*$/.test(gap) && p.charset === charset) {
      p.chunks.push(bytes);
    } else {
      flush();
      if (!(last > 0 && /^\s*$/.test(gap))) out += gap;
      pending = { charset, chunks: [bytes] };
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + v.slice(last);
}
