import { describe, expect, it } from "vitest";
import { CARD_MASK, IBAN_MASK, ibanValid, luhnValid, redactSensitive } from "./redact";

describe("redactSensitive", () => {
  it("redacts Luhn-valid card numbers in common groupings", () => {
    for (const card of [
      "4111111111111111",
      "4111 1111 1111 1111",
      "4111-1111-1111-1111",
      "378282246310005",
    ]) {
      const r = redactSensitive(`paid with ${card} today`);
      expect(r.text).toBe(`paid with ${CARD_MASK} today`);
      expect(r.redactions).toBe(1);
    }
  });

  it("keeps numbers that fail Luhn, phones and dates", () => {
    const text = "call +44 20 7946 0958 on 2026-11-25, ref 4111111111111112, 12 sessions";
    expect(redactSensitive(text)).toEqual({ text, redactions: 0 });
  });

  it("redacts valid IBANs with or without spaces and keeps invalid ones", () => {
    const r = redactSensitive("refund to GB82 WEST 1234 5698 7654 32 or DE89370400440532013000.");
    expect(r.text).toBe(`refund to ${IBAN_MASK} or ${IBAN_MASK}.`);
    expect(r.redactions).toBe(2);
    expect(redactSensitive("code GB00WEST12345698765432").redactions).toBe(0);
  });

  it("validators", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
    expect(ibanValid("GB82WEST12345698765432")).toBe(true);
    expect(ibanValid("GB83WEST12345698765432")).toBe(false);
  });
});
