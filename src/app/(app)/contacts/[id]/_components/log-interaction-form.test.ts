import { describe, expect, it } from "vitest";
import { localDateTime, logFormSchema, toLogInput } from "./log-interaction-form";

const id = "3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c";

describe("log call / session form", () => {
  it("turns the local date-time into the API's ISO occurredAt", () => {
    const when = new Date(2026, 2, 14, 9, 30);
    const v = logFormSchema.parse({ type: "session", occurredAt: localDateTime(when), subject: " Yin " });
    const input = toLogInput(v, id, "key-12345678");
    expect(input).toMatchObject({ type: "session", subject: "Yin", body: null, contactIds: [id] });
    expect(new Date(input.occurredAt).getTime()).toBe(when.getTime());
  });

  it("names what is wrong in plain words", () => {
    const r = logFormSchema.safeParse({ type: "call", occurredAt: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("When did it happen?");
    const far = logFormSchema.safeParse({ type: "call", occurredAt: "2999-01-01T10:00" });
    expect(far.error?.issues[0]?.message).toMatch(/more than a year ahead/);
    expect(logFormSchema.safeParse({ type: "email", occurredAt: localDateTime() }).success).toBe(false);
  });
});
