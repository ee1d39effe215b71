import { describe, expect, it } from "vitest";
import { applyFields, parseFields } from "../fields";
import { compileQuery, type QueryableMessage } from "./query";

const NOW = Date.UTC(2025, 5, 1);
const DAY = 86_400_000;
const msg = (over: Partial<QueryableMessage>): QueryableMessage => ({
  internalDate: NOW - DAY,
  from: "jane@gmail.com",
  fromName: "Jane Doe",
  to: ["me@example.com"],
  cc: [],
  subject: "Booking next week",
  labelIds: ["INBOX", "CATEGORY_PERSONAL"],
  hasAttachment: false,
  ...over,
});

const matches = (q: string, m: QueryableMessage) => compileQuery(q, NOW).test(m);

describe("compileQuery", () => {
  it("handles relative and absolute dates", () => {
    expect(matches("newer_than:2d", msg({}))).toBe(true);
    expect(matches("newer_than:2d", msg({ internalDate: NOW - 3 * DAY }))).toBe(false);
    expect(matches("older_than:1m", msg({ internalDate: NOW - 40 * DAY }))).toBe(true);
    expect(matches("after:2025/05/31 before:2025-06-01", msg({}))).toBe(true);
    expect(matches("after:2025/06/01", msg({}))).toBe(false);
  });

  it("matches senders, recipients, labels, categories and negations", () => {
    expect(matches("from:jane@gmail.com", msg({}))).toBe(true);
    expect(matches("from:doe", msg({}))).toBe(true);
    expect(matches("to:someone@x.com", msg({ cc: ["someone@x.com"] }))).toBe(true);
    expect(matches("in:inbox category:primary -category:promotions", msg({}))).toBe(true);
    expect(matches("-in:inbox", msg({}))).toBe(false);
    expect(matches("in:sent", msg({ labelIds: ["SENT"] }))).toBe(true);
    expect(matches("in:chats", msg({ labelIds: ["CHAT"] }))).toBe(true);
    expect(matches("is:unread", msg({}))).toBe(false);
    expect(matches("is:read label:clients", msg({ labelIds: ["Label_1"] }))).toBe(true);
    expect(matches("label:INBOX has:attachment", msg({ hasAttachment: true }))).toBe(true);
  });

  it("matches plain words and quoted phrases against the subject, ignoring unsupported syntax", () => {
    expect(matches('booking "next week"', msg({}))).toBe(true);
    expect(matches("-booking", msg({}))).toBe(false);
    expect(matches("larger:5M filename:pdf OR booking", msg({}))).toBe(true);
  });

  it("reports when spam/trash are explicitly requested", () => {
    expect(compileQuery("in:spam", NOW).mentionsSpamTrash).toBe(true);
    expect(compileQuery("in:inbox", NOW).mentionsSpamTrash).toBe(false);
  });
});

describe("fields (partial response)", () => {
  it("keeps only the selected paths", () => {
    const body = {
      messages: [{ id: "a", threadId: "t", extra: 1 }],
      nextPageToken: "n",
      resultSizeEstimate: 3,
    };
    expect(applyFields(body, parseFields("messages(id),nextPageToken"))).toEqual({
      messages: [{ id: "a" }],
      nextPageToken: "n",
    });
    expect(
      applyFields(
        { items: [{ id: "x", summary: "s" }], nextSyncToken: "t" },
        parseFields("items/id,nextSyncToken"),
      ),
    ).toEqual({ items: [{ id: "x" }], nextSyncToken: "t" });
  });
});
