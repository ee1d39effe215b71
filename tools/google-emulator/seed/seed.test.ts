import { describe, expect, it } from "vitest";
import { createMailbox } from "../gmail/mailbox";
import { decodeWords } from "../mime/encoded-words";
import { headerValue, parseMessage, type MimePart } from "../mime/parse";
import { makeSnippet } from "../mime/text";

const NOW = Date.UTC(2025, 5, 1, 12);
const box = (seed: number, messages = 300) =>
  createMailbox({
    email: "practitioner@example.com",
    name: "Maya Lindqvist",
    seed,
    messages,
    now: NOW,
    days: 120,
    personas: 40,
    includeFixtures: true,
  });

function walk(p: MimePart, out: MimePart[] = []): MimePart[] {
  out.push(p);
  p.parts.forEach((c) => walk(c, out));
  return out;
}

describe("seeded mailbox", () => {
  const a = box(7);

  it("is deterministic per seed and differs across seeds", () => {
    const b = box(7);
    const c = box(8);
    const sample = (x: typeof a) =>
      x
        .all()
        .slice(10, 40)
        .map((m) => x.raw(m).toString("base64"));
    expect(sample(b)).toEqual(sample(a));
    expect(sample(c)).not.toEqual(sample(a));
    expect(b.all().map((m) => m.id)).toEqual(a.all().map((m) => m.id));
  });

  it("starts with the fixtures and spreads generated mail over the last 120 days", () => {
    expect(a.fixtureCount).toBe(10);
    const generated = a.all().slice(a.fixtureCount);
    expect(Math.min(...generated.map((m) => m.internalDate))).toBeGreaterThanOrEqual(NOW - 120 * 86_400_000);
    expect(Math.max(...generated.map((m) => m.internalDate))).toBeLessThan(NOW);
  });

  it("covers the formats a real practitioner mailbox has", () => {
    const seen = {
      types: new Set<string>(),
      charsets: new Set<string>(),
      encodings: new Set<string>(),
      headers: new Set<string>(),
      words: new Set<string>(),
    };
    for (const m of a.all()) {
      const root = parseMessage(a.raw(m));
      expect(decodeWords(headerValue(root, "Subject") ?? "")).toBe(m.subject);
      expect(makeSnippet(root)).not.toContain("\ufffd");
      for (const h of root.headers) seen.headers.add(h.name.toLowerCase());
      for (const w of (headerValue(root, "Subject") ?? "").matchAll(/=\?([^?]+)\?([BQ])\?/gi))
        seen.words.add(`${w[1]}?${w[2]}`.toUpperCase());
      for (const p of walk(root)) {
        seen.types.add(p.filename ? `${p.mimeType} (attachment)` : p.mimeType);
        if (p.params.charset) seen.charsets.add(p.params.charset.toUpperCase());
        const cte = headerValue(p, "Content-Transfer-Encoding");
        if (cte) seen.encodings.add(cte.toLowerCase());
      }
    }
    expect([...seen.types]).toEqual(
      expect.arrayContaining([
        "multipart/alternative",
        "multipart/mixed",
        "multipart/report",
        "text/plain",
        "text/html",
        "application/pdf (attachment)",
        "text/calendar (attachment)",
      ]),
    );
    expect([...seen.charsets]).toEqual(
      expect.arrayContaining(["UTF-8", "ISO-8859-1", "WINDOWS-1252", "KOI8-R", "ISO-2022-JP"]),
    );
    expect([...seen.encodings]).toEqual(
      expect.arrayContaining(["7bit", "8bit", "quoted-printable", "base64"]),
    );
    expect([...seen.headers]).toEqual(
      expect.arrayContaining(["list-id", "list-unsubscribe", "in-reply-to", "references", "cc", "reply-to"]),
    );
    expect([...seen.words]).toEqual(
      expect.arrayContaining(["UTF-8?B", "UTF-8?Q", "ISO-8859-1?Q", "KOI8-R?B", "ISO-2022-JP?B"]),
    );
  });

  it("keeps labels consistent with content", () => {
    const live = a.listSorted();
    const labelled = (l: string) => live.filter((m) => m.labelIds.includes(l));
    for (const l of [
      "INBOX",
      "SENT",
      "UNREAD",
      "CHAT",
      "DRAFT",
      "SPAM",
      "TRASH",
      "CATEGORY_PERSONAL",
      "CATEGORY_PROMOTIONS",
      "CATEGORY_SOCIAL",
      "CATEGORY_UPDATES",
      "CATEGORY_FORUMS",
    ]) {
      expect(labelled(l).length, l).toBeGreaterThan(0);
    }
    expect(labelled("SENT").every((m) => m.from === "practitioner@example.com")).toBe(true);
    expect(
      labelled("CATEGORY_PROMOTIONS").every(
        (m) => m.source.kind === "raw" || m.source.plan.kind === "newsletter",
      ),
    ).toBe(true);
    expect(
      live.filter((m) => /^(noreply|no-reply|notifications|mailer-daemon)@/.test(m.from)).length,
    ).toBeGreaterThan(0);
  });

  it("threads replies under their root with matching References", () => {
    const replies = a.all().filter((m) => m.source.kind === "plan" && m.source.plan.parent !== undefined);
    expect(replies.length).toBeGreaterThan(20);
    const r = replies[0]!;
    const root = parseMessage(a.raw(r));
    expect(r.threadId).not.toBe(r.id);
    expect(headerValue(root, "In-Reply-To")).toMatch(/^<emu\./);
    expect(headerValue(root, "References")).toContain(headerValue(root, "In-Reply-To"));
    expect(a.get(r.threadId)).toBeDefined();
  });
});
