import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv, toCsvRow } from "./parse-csv";

describe("parseCsv", () => {
  it("handles quotes, escaped quotes, newlines in quotes, BOM and CRLF with line numbers", () => {
    const text = '\uFEFFName,Notes\r\n"Doe, Jane","says ""hi""\r\nsecond line"\r\nBob,plain\r\n\r\n"",x\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["Name", "Notes"] },
      { line: 2, fields: ["Doe, Jane", 'says "hi"\r\nsecond line'] },
      { line: 4, fields: ["Bob", "plain"] },
      { line: 6, fields: ["", "x"] },
    ]);
  });

  it("keeps trailing empty fields and parses a last line without newline", () => {
    expect(parseCsv("a,b,\n1,,")).toEqual([
      { line: 1, fields: ["a", "b", ""] },
      { line: 2, fields: ["1", "", ""] },
    ]);
  });

  it("detects semicolon and tab delimiters", () => {
    expect(detectDelimiter("Name;Email;Phone\n")).toBe(";");
    expect(parseCsv("a\tb\n1\t2")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ]);
  });

  it("writes rows that round-trip and neutralises formulas", () => {
    const row = toCsvRow(['a "q"', "x,y", "=HYPERLINK()", "+1 555 0100", "line\nbreak", null]);
    expect(row).toBe('"a ""q""","x,y",\'=HYPERLINK(),+1 555 0100,"line\nbreak",');
    expect(parseCsv(row)[0]?.fields).toEqual([
      'a "q"',
      "x,y",
      "'=HYPERLINK()",
      "+1 555 0100",
      "line\nbreak",
      "",
    ]);
  });
});
