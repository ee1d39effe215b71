// Charset labels mail clients actually write, mapped to what TextDecoder (WHATWG
// encodings, full ICU in Node) understands. Unknown labels fall back to UTF-8 then latin1.
const ALIASES: Record<string, string> = {
  "us-ascii": "utf-8",
  ascii: "utf-8",
  "ansi_x3.4-1968": "utf-8",
  utf8: "utf-8",
  latin1: "iso-8859-1",
  "iso8859-1": "iso-8859-1",
  "iso_8859-1": "iso-8859-1",
  cp1252: "windows-1252",
  "x-cp1252": "windows-1252",
  "ks_c_5601-1987": "euc-kr",
  "x-sjis": "shift_jis",
  gb2312: "gbk",
};

const decoders = new Map<string, TextDecoder>();

function decoderFor(label: string): TextDecoder | null {
  const key = ALIASES[label] ?? label;
  let d = decoders.get(key);
  if (d) return d;
  try {
    d = new TextDecoder(key, { fatal: false });
  } catch {
    return null;
  }
  decoders.set(key, d);
  return d;
}

// Node 20's TextDecoder decodes "windows-1252" as plain latin1 (0x80–0x9F become C1
// controls), so smart quotes, dashes and € come out wrong. WHATWG treats iso-8859-1 as
// windows-1252 too, which is what mail clients mean by it.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeCp1252(bytes: Uint8Array): string {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return s.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Decodes bytes in the named charset; never throws (garbled text beats a lost message). */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? "utf-8").trim().toLowerCase().replace(/^"|"$/g, "");
  const mapped = ALIASES[label] ?? label;
  if (mapped === "windows-1252" || mapped === "iso-8859-1") return decodeCp1252(bytes);
  const d = decoderFor(label || "utf-8") ?? decoderFor("utf-8")!;
  return d.decode(bytes);
}
