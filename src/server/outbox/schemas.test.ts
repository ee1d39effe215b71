import { describe, expect, it } from "vitest";
import { createOutboxInput } from "./schemas";

const base = { contactId: "6f1c1b3e-8d2a-4a57-9a8e-0a1b2c3d4e5f", subject: "s", body: "b" };
const withFile = (f: { filename: string; contentType?: string }) =>
  createOutboxInput.safeParse({ ...base, attachments: [{ contentBase64: "aGk=", ...f }] }).success;

describe("createOutboxInput attachments", () => {
  it("accepts a plain file and type", () => {
    expect(withFile({ filename: "Directions (2).pdf", contentType: "application/pdf" })).toBe(true);
    expect(withFile({ filename: "notes.txt" })).toBe(true);
  });

  it("refuses header injection through the file name or the content type", () => {
    expect(withFile({ filename: "a.pdf\r\nBcc: victim@example.com" })).toBe(false);
    expect(withFile({ filename: "a.pdf", contentType: "text/plain\r\nBcc: victim@example.com" })).toBe(false);
    expect(withFile({ filename: "a.pdf", contentType: "text/html; charset=utf-8" })).toBe(false);
  });
});
