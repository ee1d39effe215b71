import { describe, expect, it } from "vitest";
import { useHttpServer } from "./harness";

const CSP_PARTS = [
  "default-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

function expectSecurityHeaders(h: Headers) {
  expect(h.get("x-content-type-options")).toBe("nosniff");
  expect(h.get("x-frame-options")).toBe("DENY");
  expect(h.get("referrer-policy")).toBe("no-referrer");
  expect(h.get("permissions-policy")).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  const csp = h.get("content-security-policy") ?? "";
  for (const part of CSP_PARTS) expect(csp).toContain(part);
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
}

describe("request security (HTTP)", () => {
  const h = useHttpServer();

  it("puts CSP with a per-request nonce and the other headers on pages and API responses", async () => {
    const c = h.client();
    const page1 = await c.get("/login");
    const page2 = await c.get("/login");
    expect(page1.status).toBe(200);
    expectSecurityHeaders(page1.headers);
    const nonce = /'nonce-([^']+)'/.exec(page1.headers.get("content-security-policy")!)![1]!;
    expect(page2.headers.get("content-security-policy")).not.toContain(nonce);
    // Next.js stamps the same nonce on its scripts.
    expect(page1.text).toContain(`nonce="${nonce}"`);

    const api = await c.get("/api/v1/health");
    expectSecurityHeaders(api.headers);
    const unauth = await c.get("/api/v1/auth/me");
    expect(unauth.status).toBe(401);
    expectSecurityHeaders(unauth.headers);
  });

  it("redirects app pages to /login when signed out and serves them when signed in", async () => {
    const anon = h.client();
    const r = await anon.get("/contacts");
    expect([302, 303, 307, 308]).toContain(r.status);
    expect(r.headers.get("location")).toContain("/login");
    const a = await h.signUp();
    const page = await a.get("/settings");
    expect(page.status).toBe(200);
    expect(page.text).toContain(a.email);
  });

  it("issues the csrf cookie pair on a safe request", async () => {
    const c = h.client();
    const r = await c.get("/login");
    const set = r.headers.getSetCookie();
    const csrf = set.find((s) => s.startsWith("csrf="))!;
    const sig = set.find((s) => s.startsWith("csrf_sig="))!;
    expect(csrf).toMatch(/SameSite=Strict/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(sig).toMatch(/HttpOnly/i);
  });

  it("refuses unsafe requests without a csrf header (issuing fresh cookies) or with a forged one", async () => {
    const a = await h.signUp();
    const missing = await a.post("/api/v1/auth/sign-out", undefined, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.json).toEqual({ ok: false, error: "missing_csrf" });
    expect(missing.headers.getSetCookie().some((s) => s.startsWith("csrf="))).toBe(true);

    const forged = await a.post("/api/v1/auth/sign-out", undefined, {
      headers: { "x-csrf-token": "forged-token" },
    });
    expect(forged.status).toBe(403);
    expect(forged.json).toEqual({ ok: false, error: "invalid_csrf" });

    // A matching header + cookie without a valid signature is also refused.
    a.cookies.set("csrf", "attacker-chosen");
    const planted = await a.post("/api/v1/auth/sign-out", undefined, {
      headers: { "x-csrf-token": "attacker-chosen" },
    });
    expect(planted.json).toEqual({ ok: false, error: "invalid_csrf" });
    // Still signed in: none of the above did anything.
    expect((await a.get("/api/v1/auth/me")).status).toBe(200);
  });

  it("guards Better Auth's own endpoints with CSRF too", async () => {
    const c = h.client();
    const r = await c.post(
      "/api/auth/sign-in/email",
      { email: "x@test.local", password: "whatever-pass" },
      { csrf: false },
    );
    expect(r.status).toBe(403);
  });

  it("refuses a foreign Origin with 403 origin_not_allowed", async () => {
    const a = await h.signUp();
    const r = await a.get("/api/v1/auth/me", { headers: { origin: "https://evil.example" } });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ ok: false, error: "origin_not_allowed" });
    const same = await a.get("/api/v1/auth/me", { headers: { origin: h.server().url } });
    expect(same.status).toBe(200);
  });

  it("logs every origin/CSRF rejection but stores one per IP and minute (no table flooding)", async () => {
    const attacker = h.client();
    for (let i = 0; i < 15; i++) {
      const r = await attacker.get("/api/v1/health", { headers: { origin: "https://evil.example" } });
      expect(r.status).toBe(403);
      const c = await attacker.post("/api/v1/auth/sign-out", undefined, { headers: { "x-csrf-token": "x" } });
      expect(c.status).toBe(403);
    }
    const mine = (kind: string) =>
      h
        .server()
        .logs()
        .filter((l) => l.security === kind && l.ip === attacker.ip);
    await h.server().waitForLog(() => mine("csrf_rejected").length === 15);
    for (const kind of ["origin_rejected", "csrf_rejected"]) {
      expect(mine(kind)).toHaveLength(15);
      expect(mine(kind).filter((l) => l.throttled !== true)).toHaveLength(1);
    }
    // Nothing failed to store along the way, and another IP still gets its own row.
    expect(
      h
        .server()
        .logs()
        .some((l) => l.msg === "could not store security event"),
    ).toBe(false);
    const other = h.client();
    await other.get("/api/v1/health", { headers: { origin: "https://evil.example" } });
    const line = await h.server().waitForLog((l) => l.security === "origin_rejected" && l.ip === other.ip);
    expect(line.throttled).toBeUndefined();
  });

  it("limits the general API to 60 requests a minute per user", async () => {
    const a = await h.signUp();
    let last = 0;
    let retryAfter: string | null = null;
    for (let i = 0; i < 61; i++) {
      const r = await a.get("/api/v1/auth/me");
      last = r.status;
      retryAfter = r.headers.get("retry-after");
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another user is not affected.
    const b = await h.signUp();
    expect((await b.get("/api/v1/auth/me")).status).toBe(200);
  });

  it("answers 413 for oversized JSON and 400 for malformed JSON", async () => {
    const c = h.client();
    const big = await c.post("/api/v1/auth/sign-in", undefined, {
      raw: JSON.stringify({ email: "a@b.co", password: "x".repeat(1_100_000) }),
    });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ ok: false, error: "payload_too_large" });
    const bad = await c.post("/api/v1/auth/sign-in", undefined, { raw: "{not json" });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ ok: false, error: "invalid_body" });
  });

  it("answers 405 for a method the route does not allow", async () => {
    const r = await h.client().get("/api/v1/auth/sign-in");
    expect(r.status).toBe(405);
  });
});
