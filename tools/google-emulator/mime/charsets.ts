// Byte-exact charset encoding for the corpus. Node can decode legacy charsets
// (TextDecoder with full ICU) but not encode them, so encoders are built by
// inverting the decoder once, lazily.

// Node 20's TextDecoder decodes "windows-1252" (and its alias "iso-8859-1") as
// plain Latin-1, leaving 0x80-0x9F as C1 controls. Mail labelled either way is
// really Windows-1252 (WHATWG), so that range is mapped by hand.
const CP1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

const singleByteTables = new Map<string, Map<string, number>>();
let jisTable: Map<string, [number, number]> | null = null;

export function normalizeCharset(charset: string | undefined): string {
  const c = (charset ?? "utf-8").trim().toLowerCase().replace(/^"|"$/g, "");
  if (c === "utf8") return "utf-8";
  if (c === "latin1" || c === "iso_8859-1" || c === "iso8859-1") return "iso-8859-1";
  if (c === "cp1252") return "windows-1252";
  return c;
}

/** Decodes bytes in any charset TextDecoder knows; unknown labels fall back to UTF-8. */
export function decodeText(bytes: Uint8Array, charset?: string): string {
  const label = normalizeCharset(charset);
  if (label === "windows-1252" || label === "iso-8859-1") return decodeCp1252(bytes);
  try {
    return new TextDecoder(label === "us-ascii" ? "utf-8" : label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

export function encodeText(text: string, charset?: string): Buffer {
  const label = normalizeCharset(charset);
  if (label === "utf-8") return Buffer.from(text, "utf8");
  if (label === "us-ascii") return Buffer.from(clampCodePoints(text, 0x7f), "latin1");
  // True ISO-8859-1 is code points 0-255; Buffer's latin1 codec is exactly that.
  if (label === "iso-8859-1") return Buffer.from(clampCodePoints(text, 0xff), "latin1");
  if (label === "iso-2022-jp") return encodeIso2022Jp(text);
  return encodeSingleByte(text, label);
}

function decodeCp1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b < 0xa0 ? CP1252_C1[b - 0x80] : String.fromCharCode(b);
  return out;
}

function singleByteTable(label: string): Map<string, number> {
  let table = singleByteTables.get(label);
  if (table) return table;
  const all = new Uint8Array(256).map((_, i) => i);
  const decoded = Array.from(decodeText(all, label));
  if (decoded.length !== 256) throw new Error(`${label} is not a single-byte charset`);
  table = new Map();
  decoded.forEach((ch, byte) => {
    if (ch !== "\ufffd" && !table!.has(ch)) table!.set(ch, byte);
  });
  singleByteTables.set(label, table);
  return table;
}

function encodeSingleByte(text: string, label: string): Buffer {
  const table = singleByteTable(label);
  const out: number[] = [];
  for (const ch of text) out.push(table.get(ch) ?? 0x3f);
  return Buffer.from(out);
}

// JIS X 0208 rows/cells are 0x21-0x7e; decoding every pair once gives char -> bytes.
function jis0208Table(): Map<string, [number, number]> {
  if (jisTable) return jisTable;
  const pairs: Array<[number, number]> = [];
  const bytes: number[] = [0x1b, 0x24, 0x42];
  for (let hi = 0x21; hi <= 0x7e; hi++) {
    for (let lo = 0x21; lo <= 0x7e; lo++) {
      pairs.push([hi, lo]);
      bytes.push(hi, lo);
    }
  }
  bytes.push(0x1b, 0x28, 0x42);
  const chars = Array.from(new TextDecoder("iso-2022-jp").decode(Uint8Array.from(bytes)));
  const table = new Map<string, [number, number]>();
  if (chars.length !== pairs.length) throw new Error("unexpected iso-2022-jp decoder behaviour");
  chars.forEach((ch, i) => {
    const pair = pairs[i];
    if (pair && ch !== "\ufffd" && !table.has(ch)) table.set(ch, pair);
  });
  jisTable = table;
  return table;
}

function encodeIso2022Jp(text: string): Buffer {
  const table = jis0208Table();
  const out: number[] = [];
  let jisMode = false;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0x3f;
    const pair = code < 0x80 ? undefined : table.get(ch);
    if (code < 0x80 || !pair) {
      if (jisMode) out.push(0x1b, 0x28, 0x42);
      jisMode = false;
      out.push(code < 0x80 ? code : 0x3f);
    } else {
      if (!jisMode) out.push(0x1b, 0x24, 0x42);
      jisMode = true;
      out.push(pair[0], pair[1]);
    }
  }
  // Every ISO-2022-JP text must end in ASCII mode (RFC 1468).
  if (jisMode) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}

/** Whether `text` survives a round trip through `charset` (mail clients fall back to UTF-8 otherwise). */
export function canEncode(text: string, charset: string): boolean {
  return decodeText(encodeText(text, charset), charset) === text;
}

/** True when every character is 7-bit ASCII. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Replaces characters above `max` with "?" (what a charset encoder does with unmappable input). */
function clampCodePoints(text: string, max: number): string {
  return Array.from(text, (ch) => ((ch.codePointAt(0) ?? 0) > max ? "?" : ch)).join("");
}
