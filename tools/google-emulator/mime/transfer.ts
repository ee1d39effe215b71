// Content-Transfer-Encodings (RFC 2045) and the base64url flavour Gmail's JSON uses.

export type TransferEncoding = "7bit" | "8bit" | "quoted-printable" | "base64";

const CRLF = "\r\n";

/** Quoted-printable for text bodies: line breaks stay hard breaks, lines wrap at 76. */
export function encodeQuotedPrintable(bytes: Uint8Array): string {
  const lines: string[] = [];
  let line = "";
  const push = (token: string) => {
    if (line.length + token.length > 73) {
      lines.push(`${line}=`);
      line = "";
    }
    line += token;
  };
  const endLine = () => {
    // Trailing whitespace would be stripped in transit, so it must be encoded.
    const last = line.at(-1);
    if (last === " " || last === "\t") line = `${line.slice(0, -1)}=${hex(last.charCodeAt(0))}`;
    lines.push(line);
    line = "";
  };
  let lastWasBreak = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0x0d && bytes[i + 1] === 0x0a) continue;
    lastWasBreak = b === 0x0a;
    if (b === 0x0a) {
      endLine();
      continue;
    }
    const printable = (b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9;
    push(printable ? String.fromCharCode(b) : `=${hex(b)}`);
  }
  // A final line break is content too: keep it as an empty last line.
  if (line.length > 0 || lastWasBreak) endLine();
  return lines.join(CRLF);
}

export function decodeQuotedPrintable(text: string): Buffer {
  const src = text.replace(/(?<![ \t])[ \t]+(?=\r?\n)/g, "").replace(/=\r?\n/g, "");
  const out: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const ch = src.charCodeAt(i);
    const pair = src.slice(i + 1, i + 3);
    if (ch === 61 && /^[0-9A-Fa-f]{2}$/.test(pair)) {
      out.push(parseInt(pair, 16));
      i += 2;
    } else {
      out.push(ch & 0xff);
    }
  }
  return Buffer.from(out);
}

export function encodeBase64Lines(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes).toString("base64");
  return (b64.match(/.{1,76}/g) ?? []).join(CRLF);
}

export function encodeTransfer(bytes: Buffer, encoding: TransferEncoding): Buffer {
  if (encoding === "quoted-printable") return Buffer.from(encodeQuotedPrintable(bytes), "latin1");
  if (encoding === "base64") return Buffer.from(encodeBase64Lines(bytes), "latin1");
  return normalizeCrlf(bytes);
}

export function decodeTransfer(body: Buffer, encoding: string | undefined): Buffer {
  const enc = (encoding ?? "7bit").trim().toLowerCase();
  if (enc === "quoted-printable") return decodeQuotedPrintable(body.toString("latin1"));
  if (enc === "base64") return Buffer.from(body.toString("latin1").replace(/[^A-Za-z0-9+/=]/g, ""), "base64");
  return body;
}

/** Gmail's JSON carries bytes as URL-safe base64 with padding. */
export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
}

export function fromBase64Url(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

function normalizeCrlf(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString("latin1").replace(/\r?\n/g, CRLF), "latin1");
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, "0");
}
