import { describe, expect, it } from "vitest";
import { listFixtures } from "../seed/corpus";
import { loadFixtures } from "../seed/fixtures";
import { attachmentLeaf, buildMessage, multipart, textLeaf } from "./build";
import { canEncode, decodeText, encodeText } from "./charsets";
import { decodeWords, encodeWords, parseAddressList } from "./encoded-words";
import { parseParamHeader } from "./params";
import { headerValue, parseMessage, type MimePart } from "./parse";
import { extractBodies } from "./text";
import { decodeQuotedPrintable, encodeQuotedPrintable } from "./transfer";

describe("charsets", () => {
  it("decodes Windows-1252 0x80-0x9F (Node's TextDecoder treats them as C1 controls)", () => {
    expect(decodeText(Buffer.from([0x93, 0x80, 0x39, 0x94, 0x92]), "windows-1252")).toBe("“€9”’");
    expect(decodeText(Buffer.from([0x85]), "iso-8859-1")).toBe("…");
  });

  it.each([
    ["ISO-8859-1", "Zoë à bientôt"],
    ["windows-1252", "I’d pay €85 — “ok”"],
    ["KOI8-R", "Запись на массаж"],
    ["ISO-2022-JP", "ヨガのレッスン、水曜日？ ok"],
  ])("round-trips %s byte-exactly", (charset, text) => {
    const bytes = encodeText(text, charset);
    expect(decodeText(bytes, charset)).toBe(text);
    expect(canEncode("🧘", charset)).toBe(false);
  });

  it("encodes ISO-2022-JP with escape sequences and ends in ASCII mode", () => {
    const bytes = encodeText("山田", "ISO-2022-JP");
    expect([...bytes.subarray(0, 3)]).toEqual([0x1b, 0x24, 0x42]);
    expect([...bytes.subarray(-3)]).toEqual([0x1b, 0x28, 0x42]);
  });
});

describe("quoted-printable", () => {
  it("wraps long lines with soft breaks, encodes trailing spaces and round-trips", () => {
    const text = `${"word ".repeat(40)}\r\nend with space \r\n=sign\r\n`;
    const encoded = encodeQuotedPrintable(Buffer.from(text, "utf8"));
    expect(encoded.split("\r\n").every((l) => l.length <= 76)).toBe(true);
    expect(encoded).toContain("space=20");
    expect(encoded).toContain("=3Dsign");
    expect(decodeQuotedPrintable(encoded).toString("utf8")).toBe(text);
  });
});

describe("RFC 2047 encoded-words", () => {
  it("encodes and decodes B and Q in several charsets", () => {
    for (const [text, charset, enc] of [
      ["Séance samedi ?", "ISO-8859-1", "Q"],
      ["Запись", "KOI8-R", "B"],
      ["🧘 Reprogramación", "UTF-8", "Q"],
    ] as const) {
      const word = encodeWords(text, charset, enc);
      expect(word).toMatch(new RegExp(`^=\\?${charset}\\?${enc}\\?`));
      expect(decodeWords(word)).toBe(text);
    }
  });

  it("splits long text into several words and drops whitespace between them", () => {
    const long = "Réservation d’une séance de massage pour samedi prochain à dix heures";
    const folded = encodeWords(long);
    expect(folded.split("\r\n ").length).toBeGreaterThan(1);
    expect(decodeWords(folded)).toBe(long);
    expect(decodeWords("=?UTF-8?Q?a?= \r\n =?UTF-8?Q?b?= c")).toBe("ab c");
  });

  it("parses address lists with quoted and encoded names", () => {
    expect(
      parseAddressList('"Doe, Jane" <Jane@X.com>, =?UTF-8?B?Sm9zw6k=?= <jose@y.com>, bare@z.com'),
    ).toEqual([
      { name: "Doe, Jane", email: "jane@x.com" },
      { name: "José", email: "jose@y.com" },
      { name: "", email: "bare@z.com" },
    ]);
  });
});

describe("parser", () => {
  it("reads RFC 2231 parameters, including continuations", () => {
    expect(parseParamHeader("attachment; filename*=UTF-8''%C3%9Cbung.txt").params.filename).toBe("Übung.txt");
    expect(parseParamHeader('attachment; filename*0="long"; filename*1="name.pdf"').params.filename).toBe(
      "longname.pdf",
    );
  });

  it("round-trips a nested message built by the builder", () => {
    const root = multipart("mixed", [
      multipart("alternative", [
        textLeaf("Grüße"),
        textLeaf("<p>Grüße</p>", { html: true, transfer: "base64" }),
      ]),
      attachmentLeaf("a.bin", "application/octet-stream", Buffer.from([0, 1, 2, 255])),
    ]);
    const parsed = parseMessage(buildMessage([["Subject", "x"]], root, "t1"));
    expect(parsed.mimeType).toBe("multipart/mixed");
    expect(parsed.parts.map((p) => p.mimeType)).toEqual([
      "multipart/alternative",
      "application/octet-stream",
    ]);
    expect(extractBodies(parsed)).toEqual({ text: "Grüße", html: "<p>Grüße</p>" });
    expect([...(parsed.parts[1]?.body ?? [])]).toEqual([0, 1, 2, 255]);
  });
});

// The fixtures were encoded with Python's stdlib, independently of this code.
describe("fixtures decode to their manifest", () => {
  const attachments = (p: MimePart): Array<{ filename: string; mimeType: string; size: number }> =>
    p.parts.length
      ? p.parts.flatMap(attachments)
      : p.filename
        ? [{ filename: p.filename, mimeType: p.mimeType, size: p.body.length }]
        : [];

  it.each(loadFixtures().map((f) => [f.file, f] as const))("%s", (_file, f) => {
    const msg = parseMessage(f.raw);
    const h = (n: string) => headerValue(msg, n) ?? "";
    expect(decodeWords(h("Subject"))).toBe(f.expected.subject);
    expect(parseAddressList(h("From"))[0]).toEqual(f.expected.from);
    expect(parseAddressList(h("To")).map((a) => a.email)).toEqual(f.expected.to);
    expect(new Date(h("Date")).toISOString()).toBe(f.expected.date);
    const bodies = extractBodies(msg);
    for (const s of f.expected.textIncludes ?? []) expect(bodies.text).toContain(s);
    for (const s of f.expected.htmlIncludes ?? []) expect(bodies.html).toContain(s);
    expect(attachments(msg)).toEqual(f.expected.attachments);
  });

  it("lists every fixture without bytes", () => {
    expect(listFixtures().map((f) => f.file)).toEqual(loadFixtures().map((f) => f.file));
  });
});
