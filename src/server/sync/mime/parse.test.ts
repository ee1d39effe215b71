import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text";
import { parseMessage } from "./parse";
import { trimForSummary } from "./summarize";

type Expected = {
  subject: string;
  from: { name: string; email: string };
  to: string[];
  cc?: string[];
  date: string;
  listId?: string;
  textIncludes?: string[];
  htmlIncludes?: string[];
  attachments: { filename: string; mimeType: string; size: number }[];
};
const dir = path.resolve(__dirname, "../../../../tools/google-emulator/fixtures");
const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
  fixtures: { file: string; expected: Expected }[];
};

describe("MIME corpus (emulator fixtures)", () => {
  it.each(manifest.fixtures.map((f) => [f.file, f.expected] as const))("%s", async (file, exp) => {
    const m = await parseMessage(readFileSync(path.join(dir, file)));
    expect(m.subject).toBe(exp.subject);
    expect(m.from).toEqual({ name: exp.from.name, email: exp.from.email });
    expect(m.to.map((a) => a.email)).toEqual(exp.to);
    if (exp.cc) expect(m.cc.map((a) => a.email)).toEqual(exp.cc);
    expect(m.date?.toISOString()).toBe(exp.date);
    if (exp.listId) expect(m.listId).toBe(exp.listId);
    // postal-mime hands text over with LF line ends; the fixtures were written with CRLF.
    const lf = (s: string) => s.replaceAll("\r\n", "\n");
    for (const s of exp.textIncludes ?? []) expect(m.text).toContain(lf(s));
    for (const s of exp.htmlIncludes ?? []) expect(m.html).toContain(lf(s));
    // Calendar parts come back re-encoded as UTF-8 with LF line ends (postal-mime), so their
    // size is the decoded size less one byte per CRLF; every other size is exact.
    expect(m.attachments).toEqual(
      exp.attachments.map((a) =>
        a.mimeType === "text/calendar" ? { ...a, size: expect.closeTo(a.size, -2) as number } : a,
      ),
    );
  });
});

describe("text helpers", () => {
  it("turns HTML into readable text", () => {
    expect(htmlToText("<style>x{}</style><p>Hi&nbsp;<b>there</b></p><p>&euro;85 &#8217;</p>")).toBe(
      "Hi there\n\n€85 ’",
    );
  });
  it("trims quoted replies and signatures from the summary", () => {
    const body = "Tuesday works.\r\n\r\nMaya\r\n\r\n-- \r\nMaya L\r\n\r\nOn Mon, Emma wrote:\r\n> hi";
    expect(trimForSummary(body)).toBe("Tuesday works.\n\nMaya");
  });
});
