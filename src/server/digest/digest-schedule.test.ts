import { describe, expect, it } from "vitest";
import { digestDueDate } from "./digest-schedule";
import { renderDigest } from "./render-digest";

describe("digest hour in the user's zone", () => {
  it("follows the user's 7 am through the London DST change", () => {
    const tz = "Europe/London";
    expect(digestDueDate(new Date("2026-03-28T06:59:00Z"), tz, 7)).toBeNull();
    expect(digestDueDate(new Date("2026-03-28T07:00:00Z"), tz, 7)).toBe("2026-03-28"); // GMT
    expect(digestDueDate(new Date("2026-03-29T05:59:00Z"), tz, 7)).toBeNull();
    expect(digestDueDate(new Date("2026-03-29T06:00:00Z"), tz, 7)).toBe("2026-03-29"); // BST
    expect(digestDueDate(new Date("2026-03-29T09:00:00Z"), tz, 7)).toBeNull(); // past the grace window
  });

  it("still sends when the chosen hour does not exist that day (01:00 London on 29 March)", () => {
    expect(digestDueDate(new Date("2026-03-29T01:05:00Z"), "Europe/London", 1)).toBe("2026-03-29");
  });

  it("maps the repeated hour of the New York fall-back to one local date", () => {
    const tz = "America/New_York";
    // 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) are both 1 November.
    expect(digestDueDate(new Date("2026-11-01T05:30:00Z"), tz, 1)).toBe("2026-11-01");
    expect(digestDueDate(new Date("2026-11-01T06:30:00Z"), tz, 1)).toBe("2026-11-01");
    // 7 am EST after the change is 12:00Z.
    expect(digestDueDate(new Date("2026-11-01T11:59:00Z"), tz, 7)).toBeNull();
    expect(digestDueDate(new Date("2026-11-01T12:00:00Z"), tz, 7)).toBe("2026-11-01");
  });
});

describe("digest rendering", () => {
  it("escapes names and titles in HTML and keeps the plain-text part readable", () => {
    const d = renderDigest(
      {
        date: "2026-12-07",
        timeZone: "Europe/London",
        tasks: [],
        dueContacts: [
          {
            contactId: "00000000-0000-4000-8000-000000000001",
            displayName: '<img src=x onerror="alert(1)">',
            stage: "Core Client",
            avatarUrl: null,
            lastInteractionAt: "2026-11-10T10:00:00.000Z",
            everyDays: 21,
            why: { kind: "stage", name: "Core Client" },
            daysSince: 27,
            dueOn: "2026-12-01",
            overdueDays: 6,
          },
        ],
        dueContactsMore: false,
        sessions: [],
        birthdays: [],
        hasData: true,
      },
      { origin: "https://crm.example", unsubscribeUrl: "https://crm.example/u?token=a.b" },
    );
    expect(d.empty).toBe(false);
    expect(d.subject).toBe("Your day: 1 person to contact");
    expect(d.html).not.toContain("<img");
    expect(d.html).toContain("&lt;img");
    expect(d.text).toContain("every 3 weeks · last seen 27 days ago");
    expect(d.text).toContain("https://crm.example/u?token=a.b");
  });
});
