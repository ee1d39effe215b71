import { beforeAll, describe, expect, it } from "vitest";
import { checkCsrf, freshCsrfCookies, isCsrfExempt } from "./csrf";

function headersFor(cookies: string[], token?: string): Headers {
  const h = new Headers({ cookie: cookies.map((c) => c.split(";")[0]).join("; ") });
  if (token !== undefined) h.set("x-csrf-token", token);
  return h;
}

describe("signed double-submit CSRF", () => {
  beforeAll(() => {
    process.env.AUTH_SECRET ??= "unit-test-secret-unit-test-secret-0123456789";
    process.env.APP_ENCRYPTION_KEY ??= "unit-test-key-unit-test-key-unit-test-key-0123";
  });

  it("accepts the header equal to a correctly signed cookie", () => {
    const { token, cookies } = freshCsrfCookies();
    expect(checkCsrf(headersFor(cookies, token))).toBe("ok");
  });

  it("reports missing header or cookies as missing, and a mismatch or bad signature as invalid", () => {
    const { token, cookies } = freshCsrfCookies();
    expect(checkCsrf(headersFor(cookies))).toBe("missing");
    expect(checkCsrf(headersFor([], token))).toBe("missing");
    expect(checkCsrf(headersFor(cookies, token + "x"))).toBe("invalid");
    const other = freshCsrfCookies();
    // Attacker plants their own csrf cookie but cannot produce its signature.
    expect(checkCsrf(headersFor([`csrf=${other.token}`, cookies[1]!], other.token))).toBe("invalid");
  });

  it("sets csrf readable by scripts and csrf_sig httpOnly, both SameSite=Strict", () => {
    const [csrf, sig] = freshCsrfCookies().cookies;
    expect(csrf).toMatch(/SameSite=Strict/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(sig).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it("exempts only the listed webhook paths", () => {
    expect(isCsrfExempt("/api/v1/webhooks/google")).toBe(true);
    expect(isCsrfExempt("/api/v1/contacts")).toBe(false);
  });
});
