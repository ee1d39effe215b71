import { describe, expect, it } from "vitest";
import { createSecurityEventThrottle } from "./security-event-throttle";

describe("security event throttle", () => {
  it("stores one origin/CSRF rejection per IP and kind per minute, then reports what it skipped", () => {
    const allow = createSecurityEventThrottle(60_000);
    const t0 = 1_000_000;
    expect(allow("csrf_rejected", "10.0.0.1", t0)).toEqual({ store: true, suppressedBefore: 0 });
    for (let i = 1; i <= 99; i++) expect(allow("csrf_rejected", "10.0.0.1", t0 + i * 100).store).toBe(false);
    // Another IP, and another kind from the same IP, have their own windows.
    expect(allow("csrf_rejected", "10.0.0.2", t0).store).toBe(true);
    expect(allow("origin_rejected", "10.0.0.1", t0).store).toBe(true);
    expect(allow("csrf_rejected", "10.0.0.1", t0 + 60_000)).toEqual({ store: true, suppressedBefore: 99 });
  });

  it("never throttles the events that carry a user's story (failed sign-ins, resets, deletions)", () => {
    const allow = createSecurityEventThrottle();
    for (let i = 0; i < 10; i++) expect(allow("sign_in_failed", "10.0.0.1", 5).store).toBe(true);
    for (let i = 0; i < 10; i++) expect(allow("account_deleted", "10.0.0.1", 5).store).toBe(true);
  });
});
