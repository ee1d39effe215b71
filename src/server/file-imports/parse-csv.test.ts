import { describe, expect, it } from "vitest";
import { guessMapping, rowsFromCsv } from "./map-columns";
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
    expect(row).toBe('"a ""q""","x,y",\'=HYPERLINK(),\'+1 555 0100,"line\nbreak",');
    expect(parseCsv(row)[0]?.fields).toEqual([
      'a "q"',
      "x,y",
      "'=HYPERLINK()",
      "'+1 555 0100",
      "line\nbreak",
      "",
    ]);
  });

  // OWASP CSV injection: a cell starting with = + - @ tab CR LF gets a ' unless it is a plain number.
  it.each([
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["+(1)*cmd|' /C calc'!A0", "'+(1)*cmd|' /C calc'!A0"],
    ["\n=1+1", '"\'\n=1+1"'],
    ["\r=1+1", '"\'\r=1+1"'],
    ["\t=1+1", "'\t=1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["=1+1", "'=1+1"],
    ["-", "'-"],
  ])("guards %j", (cell, written) => {
    expect(toCsvRow([cell])).toBe(written);
  });

  it.each(["-5", "+15551230000", "3.14", "-0.5e3", "42", "Ana", "", "a=b"])("leaves %j alone", (cell) => {
    expect(toCsvRow([cell])).toBe(cell);
  });

  it("imports a guarded export back without the guard", () => {
    const csv = [toCsvRow(["Name", "Phone", "Notes"]), toCsvRow(["Ana", "+351 912 345 678", "-2+3"])].join(
      "\n",
    );
    const recs = parseCsv(csv);
    const rows = rowsFromCsv(recs, guessMapping(recs[0]!.fields));
    expect(rows[0]).toMatchObject({ displayName: "Ana", phones: ["+351 912 345 678"], notes: "-2+3" });
  });
});
