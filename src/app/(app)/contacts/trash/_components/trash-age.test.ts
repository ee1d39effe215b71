import { describe, expect, it } from "vitest";
import { trashAge } from "./trash-age";

const now = Date.parse("2026-03-31T12:00:00Z");
const ago = (days: number) => new Date(now - days * 864e5).toISOString();

describe("trashAge", () => {
  it("says how long ago and how long is left of the 30 days", () => {
    expect(trashAge(ago(0.1), now).text).toBe("Deleted today · purged after 30 days (30 days left)");
    expect(trashAge(ago(1.2), now).text).toBe("Deleted yesterday · purged after 30 days (29 days left)");
    expect(trashAge(ago(12), now)).toEqual({
      text: "Deleted 12 days ago · purged after 30 days (18 days left)",
      daysLeft: 18,
    });
    expect(trashAge(ago(29.5), now).text).toContain("last day to restore");
  });
});
