import { describe, expect, it } from "vitest";
import { dueBeforeKey, dueSchema, dueToApi, toStoredDue } from "./due";
import { expandRecurrence, nextOccurrence, parseRrule } from "./recurrence";
import { parseQuickAdd } from "./parse-quick-add";

describe("task dues", () => {
  it("stores a date as a local day and a date-time as an instant placed on the local calendar", () => {
    expect(toStoredDue("2026-03-29", "Europe/London")).toEqual({
      dueOn: "2026-03-29",
      dueAt: null,
      sortKey: "2026-03-29",
    });
    // Without an offset a date-time is wall-clock time in the user's zone (BST after 29 March).
    const bst = toStoredDue("2026-03-29T09:00", "Europe/London");
    expect(bst.dueAt!.toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(toStoredDue("2026-03-28T09:00", "Europe/London").dueAt!.toISOString()).toBe(
      "2026-03-28T09:00:00.000Z",
    );
    // With an offset it is that instant; its local date can differ from the UTC one.
    const ny = toStoredDue("2026-11-01T03:30:00Z", "America/New_York");
    expect(ny).toMatchObject({ dueOn: "2026-10-31", sortKey: "2026-10-31T23:30" });
    expect(dueToApi(ny.dueOn, ny.dueAt)).toBe("2026-11-01T03:30:00.000Z");
    expect(dueToApi("2026-03-29", null)).toBe("2026-03-29");
  });

  it("validates dues at the boundary", () => {
    for (const ok of ["2026-12-01", "2026-12-01T09:00:00Z", "2026-12-01T09:00:00+01:00", "2026-12-01T09:00"])
      expect(dueSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["tomorrow", "2026-13-01", "2026-12-01 09:00", ""])
      expect(dueSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("orders dueBefore keys: a date-only due counts from the start of its day", () => {
    expect(dueBeforeKey("2026-12-10", "UTC")).toBe("2026-12-10");
    expect(dueBeforeKey("2026-12-10T09:00:00Z", "Europe/London")).toBe("2026-12-10T09:00");
    expect("2026-12-10" < dueBeforeKey("2026-12-10T09:00:00Z", "UTC")).toBe(true);
    expect("2026-12-10T09:30" < dueBeforeKey("2026-12-10T09:00:00Z", "UTC")).toBe(false);
  });
});

describe("RRULE recurrence", () => {
  it("keeps a weekly 9 am task at 9 am local across the New York spring-forward", () => {
    const tz = "America/New_York";
    const first = toStoredDue("2026-03-02T09:00", tz); // EST: 14:00Z
    expect(first.dueAt!.toISOString()).toBe("2026-03-02T14:00:00.000Z");
    const next = expandRecurrence("FREQ=WEEKLY", first, tz, 3);
    expect(next.map((d) => d.sortKey)).toEqual(["2026-03-09T09:00", "2026-03-16T09:00", "2026-03-23T09:00"]);
    expect(next[0]!.dueAt!.toISOString()).toBe("2026-03-09T13:00:00.000Z"); // EDT
  });

  it("expands date-only rules by calendar day (BYDAY, month ends, COUNT)", () => {
    const tz = "Europe/London";
    const sat = toStoredDue("2026-03-28", tz);
    expect(nextOccurrence("FREQ=WEEKLY;BYDAY=TU", sat, tz)).toEqual({
      dueOn: "2026-03-31",
      dueAt: null,
      sortKey: "2026-03-31",
    });
    const jan31 = toStoredDue("2026-01-31", tz);
    expect(expandRecurrence("RRULE:FREQ=MONTHLY;BYMONTHDAY=31", jan31, tz, 3).map((d) => d.dueOn)).toEqual([
      "2026-03-31",
      "2026-05-31",
      "2026-07-31",
    ]);
    expect(expandRecurrence("FREQ=DAILY;COUNT=3", sat, tz, 10).map((d) => d.dueOn)).toEqual([
      "2026-03-29",
      "2026-03-30",
    ]);
    expect(nextOccurrence("FREQ=DAILY;COUNT=1", sat, tz)).toBeNull();
  });

  it("refuses rules it cannot honour", () => {
    expect(parseRrule("FREQ=SECONDLY")).toBeNull();
    expect(parseRrule("FREQ=HOURLY;INTERVAL=1")).toBeNull();
    expect(parseRrule("not a rule")).toBeNull();
    expect(parseRrule("DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY")).toBeNull();
    expect(parseRrule("FREQ=WEEKLY;BYDAY=MO,WE")).not.toBeNull();
  });
});

describe("quick add in words", () => {
  it("reads 'tomorrow 9am' in the user's zone, across the London spring-forward", () => {
    // Saturday 28 March 2026, 12:00 GMT; tomorrow 09:00 is BST (08:00Z).
    const r = parseQuickAdd("Call Anna tomorrow 9am", "Europe/London", new Date("2026-03-28T12:00:00Z"));
    expect(r.title).toBe("Call Anna");
    expect(r.due.dueAt!.toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(r.due.sortKey).toBe("2026-03-29T09:00");
  });

  it("uses the user's date, not the server's (late evening in New York is already tomorrow in UTC)", () => {
    // 23:00 EDT on 31 October = 03:00Z on 1 November; "tomorrow" is 1 November, 9 am EST.
    const r = parseQuickAdd("tomorrow 9am book review", "America/New_York", new Date("2026-11-01T03:00:00Z"));
    expect(r.title).toBe("book review");
    expect(r.due.dueAt!.toISOString()).toBe("2026-11-01T14:00:00.000Z");
  });

  it("reads 'in 2 weeks' and 'next Tuesday' as dates without a time", () => {
    const now = new Date("2026-03-28T12:00:00Z");
    expect(parseQuickAdd("Send the stretch PDF in 2 weeks", "Europe/London", now)).toEqual({
      title: "Send the stretch PDF",
      due: { dueOn: "2026-04-11", dueAt: null, sortKey: "2026-04-11" },
    });
    const tue = parseQuickAdd("Follow up with Sam next Tuesday", "Europe/London", now);
    expect(tue.title).toBe("Follow up with Sam");
    expect(tue.due.dueOn).toBe("2026-03-31");
    expect(tue.due.dueAt).toBeNull();
  });

  it("drops a dangling 'by' and keeps text without a date as it is", () => {
    const now = new Date("2026-03-25T12:00:00Z"); // a Wednesday
    const r = parseQuickAdd("Send invoice by Friday", "UTC", now);
    expect(r).toMatchObject({ title: "Send invoice", due: { dueOn: "2026-03-27" } });
    expect(parseQuickAdd("Order more mats", "UTC", now)).toEqual({
      title: "Order more mats",
      due: { dueOn: null, dueAt: null, sortKey: null },
    });
  });
});
