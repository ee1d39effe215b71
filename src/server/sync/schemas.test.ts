import { describe, expect, it } from "vitest";
import { syncPrefsPatchSchema } from "./schemas";

describe("sync prefs contract", () => {
  it("accepts a partial update", () => {
    expect(syncPrefsPatchSchema.safeParse({ calendarTimeWindowDays: 30 }).success).toBe(true);
  });
  it.each([
    ["gmailQuery", { gmailQuery: "x".repeat(501) }],
    ["gmailLabelIncludes", { gmailLabelIncludes: Array.from({ length: 101 }, (_, i) => `L${i}`) }],
    ["calendarTimeWindowDays", { calendarTimeWindowDays: 0 }],
    ["calendarTimeWindowDays", { calendarTimeWindowDays: 366 }],
    ["contactCreationPolicy", { contactCreationPolicy: "everyone" }],
  ])("rejects a bad %s, naming the field", (field, body) => {
    const r = syncPrefsPatchSchema.safeParse(body);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(field);
  });
});
