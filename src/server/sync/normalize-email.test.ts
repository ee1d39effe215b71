import { afterAll, describe, expect, it } from "vitest";
import { closeUntrustedPool } from "../untrusted/run-untrusted";
import { normalizeEmail, normalizeEmails } from "./normalize-email";

afterAll(() => closeUntrustedPool());

const gmail = (raw: string, id = "m1") => ({
  id,
  threadId: "t1",
  labelIds: ["INBOX"],
  internalDate: String(Date.parse("2025-03-01T10:00:00Z")),
  raw: Buffer.from(raw, "latin1").toString("base64url"),
});
const own = new Set(["me@example.com"]);

// The two messages of issue #14 that kept a Gmail import busy for over 5 minutes: the old
// html-to-text regexes went quadratic on `<!--` × 250,000, and the Date-comment regex on a
// 100 KB whitespace run. Both parse in linear time now, off the event loop.
describe("normalizeEmail on hostile messages", () => {
  it("imports an HTML-only message of <p>Hi</p> + <!-- × 250,000", { timeout: 30_000 }, async () => {
    const raw = [
      "From: Stranger <s@evil.example>",
      "To: me@example.com",
      "Subject: hi",
      "Date: Sat, 01 Mar 2025 10:00:00 +0000",
      "Content-Type: text/html; charset=utf-8",
      "",
      "<p>Hi</p>" + "<!--".repeat(250_000),
    ].join("\r\n");
    const item = await normalizeEmail(gmail(raw), own);
    expect(item.interaction.body).toBe("Hi");
    expect(item.interaction.subject).toBe("hi");
    expect(item.candidates).toEqual([{ email: "s@evil.example", name: "Stranger", engaged: false }]);
  });

  it("imports a message whose Date header ends in a 100 KB whitespace run", { timeout: 30_000 }, async () => {
    const raw = [
      "From: s@evil.example",
      "To: me@example.com",
      "Subject: date",
      "Date: Sat, 01 Mar 2025 10:00:00 +0000" + " ".repeat(100_000),
      "",
      "body",
    ].join("\r\n");
    const item = await normalizeEmail(gmail(raw), own);
    expect(item.interaction.subject).toBe("date");
    expect(item.interaction.body).toBe("body");
  });

  it(
    "keeps a message whose Date is folded over 100 KB of whitespace lines, unparsed",
    { timeout: 30_000 },
    async () => {
      // Unfolding left a 33,000-space run at the end of the value, where the old Date-comment
      // regex went quadratic. postal-mime refuses that many header lines (its header budget):
      // the message is recorded by date and labels, without body or contacts.
      const raw = `From: s@evil.example\r\nSubject: x\r\nDate: Sat, 01 Mar 2025 10:00:00 +0000${"\r\n ".repeat(33_000)}\r\n\r\nbody`;
      const item = await normalizeEmail(gmail(raw), own);
      expect(item.interaction).toMatchObject({
        sourceId: "m1",
        body: null,
        occurredAt: new Date("2025-03-01T10:00:00Z"),
      });
      expect(item.candidates).toEqual([]);
    },
  );

  it("parses a page in batches and keeps every message in order", { timeout: 30_000 }, async () => {
    const msgs = Array.from({ length: 30 }, (_, i) =>
      gmail(`From: p${i}@example.org\r\nTo: me@example.com\r\nSubject: s${i}\r\n\r\nbody ${i}`, `m${i}`),
    );
    const items = await normalizeEmails(msgs, own);
    expect(items.map((i) => i.interaction.sourceId)).toEqual(msgs.map((m) => m.id));
    expect(items[29]!.interaction).toMatchObject({ subject: "s29", body: "body 29" });
  });
});
